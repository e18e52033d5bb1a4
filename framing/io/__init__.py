"""Readers and converters: user input (``inputs``), labeled corpora (``corpora``), public
datasets (``importers``), stand-off annotation (``standoff``) and article files (``articles``).
Writers and the sentence schema are in :mod:`framing.schema`."""
