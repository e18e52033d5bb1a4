# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY      = $(VENV)/bin/python
PIP     = $(PY) -m pip
STAMP   = $(VENV)/.installed
TEST_STAMP = $(VENV)/.installed-test

.PHONY: demo test install corpus model punkt bench clean

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

# The real-news corpus: our stand-off labels (corpora/real) joined with the public datasets'
# text (../shared/datasets, not shipped) into build/real/{ar,en}.{train,test}.jsonl.
DATASETS ?= ../shared/datasets
REAL = build/real
corpus: $(STAMP)
	@if [ -d "$(DATASETS)" ]; then FRAMING_DATASETS="$(DATASETS)" $(PY) corpora/real/build.py $(REAL); \
	else echo "note: $(DATASETS) not found; the real-news corpus cannot be joined"; fi

# Rebuild the shipped default model: our written corpus plus the real-news training split,
# calibrated and thresholded by CV grouped by article on the real-news random stratum; tone also
# learns from NewsMTSC's train split (MIT) at full weight. Where the datasets are absent it falls
# back, with a note, to the written corpus alone. The model card records data, licences, grouping.
NEWSMTSC = $(DATASETS)/NewsMTSC/train.jsonl
model: corpus
	@if [ -f $(REAL)/en.train.jsonl ] && [ -f $(REAL)/ar.train.jsonl ]; then \
	  $(VENV)/bin/framing train corpora/frames/en.train.jsonl corpora/frames/ar.train.jsonl \
	    $(REAL)/en.train.jsonl $(REAL)/ar.train.jsonl --tune-on stratum=random \
	    --codebook framing/data/codebook.yaml --out framing/data/default.skops \
	    $(if $(wildcard $(NEWSMTSC)),--tone-extra newsmtsc:$(NEWSMTSC) --tone-extra-weight 1.0); \
	else \
	  echo "note: no real-news corpus (../shared/datasets absent): training on the written corpus alone"; \
	  $(VENV)/bin/framing train corpora/frames/en.train.jsonl corpora/frames/ar.train.jsonl \
	    --codebook framing/data/codebook.yaml --out framing/data/default.skops; \
	fi

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
	$(PY) benchmarks/learning_curve.py
	$(PY) benchmarks/realnews.py
	$(PY) benchmarks/crosslingual.py
	$(PY) benchmarks/dask_speedup.py
	$(PY) benchmarks/scaling.py

clean:
	rm -rf $(VENV) build *.egg-info
