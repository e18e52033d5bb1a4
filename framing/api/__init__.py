"""HTTP scoring service: ``app`` (FastAPI), ``schemas`` (request/response models), ``store`` (SQLite)."""
