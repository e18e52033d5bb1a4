"""Frame models: features (``features``), the scikit-learn classifier (``frames``), the trained
model wrapper (``model``), persistence (``io``), training and evaluation (``train``, ``metrics``)."""
