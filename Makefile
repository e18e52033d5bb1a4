# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY      = $(VENV)/bin/python
PIP     = $(PY) -m pip
STAMP   = $(VENV)/.installed
TEST_STAMP = $(VENV)/.installed-test

.PHONY: demo test install model punkt bench clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

# camel-tools depends on torch; pinning the CPU build first keeps the venv small.
# torch is never imported at run time.
$(STAMP): pyproject.toml | $(PY)
	$(PIP) install --quiet "torch==2.13.0" || echo "note: torch 2.13.0 (CPU) not available here; camel-tools will bring its own torch"
	$(PIP) install --quiet -e .
	touch $@

$(TEST_STAMP): pyproject.toml $(STAMP)
	$(PIP) install --quiet -e ".[test]"
	touch $@

install: $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/framing score framing/data/samples/summit_ar.txt framing/data/samples/summit_en.txt --format table

test: $(TEST_STAMP)
	$(PY) -m pytest

# Rebuild the shipped default model from corpora/ (training split only). Tone also learns from
# NewsMTSC's train split (MIT licence) when ../shared/datasets has it; the model card records it.
DATASETS ?= ../shared/datasets
NEWSMTSC = $(DATASETS)/NewsMTSC/train.jsonl
model: $(STAMP)
	$(VENV)/bin/framing train corpora/frames/en.train.jsonl corpora/frames/ar.train.jsonl \
		--codebook framing/data/codebook.yaml --out framing/data/default.skops \
		$(if $(wildcard $(NEWSMTSC)),--tone-extra newsmtsc:$(NEWSMTSC))

# Retrain the shipped English Punkt parameters from our own text.
punkt: $(STAMP)
	$(PY) -m framing.text.punkt_build

bench: $(STAMP)
	$(PIP) install --quiet -e ".[bench]"
	$(PY) benchmarks/frames_heldout.py
	$(PY) benchmarks/tone.py
	$(PY) benchmarks/attribution.py
	$(PY) benchmarks/speed.py
	$(PY) benchmarks/api_latency.py
	$(PY) benchmarks/public.py
	$(PY) benchmarks/crosslingual.py
	$(PY) benchmarks/dask_speedup.py
	$(PY) benchmarks/scaling.py

clean:
	rm -rf $(VENV) build *.egg-info
