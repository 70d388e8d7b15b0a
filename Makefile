# LoopLab: `make run` (the main job) and `make test` each do all of their own set-up on a fresh machine.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# Debian's Jupyter runs on the system Python; the `python3` first on PATH may be another one without it.
PY         := /usr/bin/python3
MVN        := mvn -B -ntp -Dstyle.color=never
JUPYTER_PATH := $(CURDIR)/build/jupyter
# java -jar lib/target/looplab.jar with the Java heap sized and touched up front and one glibc malloc arena
# (bin/looplab says why; docs/benchmarks.md, "Memory")
LOOPLAB    := bin/looplab
CP         := lib/target/notebook-classpath/*
# The benchmarks are a module of their own (bench/): lib's classpath plus their jar.
BENCH_CP   := $(CP):bench/target/looplab-bench.jar
# chromium: the trace viewer's test, the offline-book test and the notebook-UI test open pages in a real (headless)
# browser. libjs-*: what the exported pages load (MathJax, require.js, jQuery), copied next to them to work offline.
APT_PKGS   := jupyter-notebook jupyter-nbconvert python3-nbclient python3-jupyter-client jupyter-client python3-nbformat chromium \
              libjs-mathjax libjs-requirejs libjs-jquery
WEB_JS     := /usr/share/javascript/mathjax/MathJax.js /usr/share/javascript/requirejs/require.min.js \
              /usr/share/javascript/jquery/jquery.min.js
DATA_SETS  := sudoku4 sudoku6 sudoku9-hard maze11 maze30-hard
LADDER_SETS := sudoku9-mixed sudoku6-hard maze15 maze20 maze25 maze9-unique maze11-unique maze15-unique

export JUPYTER_PATH
# DJL: natives come from Maven jars; any download attempt fails at once instead of waiting on the network.
export DJL_OFFLINE ?= true
export PYDEVD_DISABLE_FILE_VALIDATION := 1

.PHONY: help setup jupyter build kernel run test test-lib test-kernel test-notebooks test-browser test-slurm slurm notebook bench bench-mcp bench-pytorch bench-scaling bench-latency profile profile-cpu data clean checkpoints ablation claims claims-all data-ladder docs pilot-sudoku9-plateau halting-sudoku9-seeds pilot-sudoku9-depth

# The shipped checkpoints: data/checkpoints/<model>-<task>, each made by `make train-<model>-<task>` (cpu profile).
CHECKPOINTS := trm-mlp-sudoku4 trm-att-sudoku4 trm-mlp-sudoku6 trm-att-sudoku6 hrm-sudoku4 trm-mlp-maze9-unique \
               trm-mlp-sudoku9-mixed trm-mlp-sudoku9-mixed-long trm-mlp-sudoku9-mixed-cosine \
               trm-mlp-sudoku9-extreme trm-att-arc-family
# Optimiser steps per checkpoint: a step budget, not minutes, so a checkpoint is the same on every machine (the
# earlier wall-clock budgets of 15-36 min on 2 threads reached about these counts; docs/journal.md gives what each reached).
STEPS_trm-mlp-sudoku4 := 2000
STEPS_trm-att-sudoku4 := 4400
STEPS_trm-mlp-sudoku6 := 2000
STEPS_trm-att-sudoku6 := 2800
STEPS_hrm-sudoku4     := 4500

help:
	@echo "make run       execute every notebook (profile: \$$LOOPLAB_PROFILE, default cpu) into build/notebooks/"
	@echo "make test      unit tests, kernel protocol tests, every notebook in the smoke profile, browser tests, the Slurm test"
	@echo "make test-slurm  the smoke ablation through a private single-node Slurm cluster (skipped where Slurm cannot start)"
	@echo "make notebook  open the notebooks in Jupyter with LoopLab's Java kernel"
	@echo "make data      build the default data sets into data/"
	@echo "make profile   where one training step's time goes, op by op (libtorch's profiler), both mixers;"
	@echo "               PROFILE_CONFIG=small: the science runs' size (6x6, hidden 64, n 1, T 1)"
	@echo "make profile-cpu  DJL's and PyTorch's step on one core under perf (no per-op hooks), split by kind of work:"
	@echo "               BLAS kernels, BLAS packing, libtorch ops, page faults, runtime; what the speed targets need"
	@echo "make bench     speed and memory benchmarks (~25-30 min on 2 cores; installs python3-torch for the PyTorch comparison)"
	@echo "make bench-scaling  the training step at widths 32-512 on the lab's shapes, DJL against PyTorch (hours in"
	@echo "               full; BENCH_SCALING_SIZES=64 BENCH_SCALING_STEPS=2 for a subset); make bench-latency: solver p50/p99"
	@echo "make bench-mcp MCP throughput of looplab serve: BENCH_MCP_CALLS (10000) concurrent solve_sudoku calls"
	@echo "make train-trm-mlp-sudoku4 (…)  train one shipped checkpoint into data/checkpoints/; make checkpoints: all"
	@echo "make ablation  attention vs MLP, depth and width sweep (cpu profile) into data/results/ablation/ (cached)"
	@echo "make claims    the claims scoreboard from committed results (data/results/); make claim-mixer, claim-depth,"
	@echo "               claim-unroll-ema, claim-halting (hours each, cached): the runs behind it; make data-ladder"
	@echo "make docs      regenerate the README's and docs/ generated blocks (claims board, shipped checkpoints)"
	@echo "make setup     install Jupyter (Debian), build lib and kernel, install the kernelspec (done by run/test)"

setup: jupyter build kernel

# Idempotent: installs only what is missing; on a machine without apt it says exactly what to install.
jupyter:
	@if $(PY) -c 'import nbclient, nbconvert, nbformat, jupyter_client, notebook' 2>/dev/null && command -v jupyter >/dev/null \
	    && command -v chromium >/dev/null && ls $(WEB_JS) >/dev/null 2>&1; then \
	  echo "jupyter, chromium, MathJax: present"; \
	elif command -v apt-get >/dev/null; then \
	  echo "installing Debian packages $(APT_PKGS)"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $(APT_PKGS); \
	else \
	  echo "No apt-get here. Install Jupyter Notebook, nbconvert, nbclient, nbformat and jupyter_client for $(PY), and Chromium" \
	       "(Debian/Ubuntu: apt-get install $(APT_PKGS)), then run make again." >&2; exit 1; \
	fi

# Builds lib (jar + lib/target/notebook-classpath/), the benchmarks (bench/target/looplab-bench.jar) and the kernel's
# shaded jar; tests run in `make test`.
# CUDA=1 leaves the CPU natives out so DJL loads the CUDA libtorch instead (README, GPU).
build:
	$(MVN) -q -DskipTests $(if $(CUDA),-Dcuda) package

kernel: build
	bash environment/install-kernel.sh build/jupyter

# Progress on the terminal while it works; the book's front page is build/notebooks/index.html.
run: setup
	$(PY) environment/run_notebooks.py build/notebooks --book $(NOTEBOOKS)

test: setup test-lib test-kernel test-notebooks test-browser test-slurm

# The PyTorch reference (bench-pytorch) is installed first, and looplab.strict turns a test's missing prerequisite
# (ReferencePortTest's torch, ExactResumeTest's deterministic rerun) into a failure instead of a skip.
test-lib: bench-pytorch
	$(MVN) verify -Dlooplab.strict=true

# Protocol tests, then notebooks in the style of public IJava books (a utils/ notebook with %maven, loaded by %load
# without extension): their artifacts are the ones `make build` put in ~/.m2, so this runs offline.
test-kernel:
	bash environment/kernel/run-protocol-tests.sh
	$(PY) environment/run_notebooks.py build/kernel-compat --timeout 900 environment/kernel/compat/chapter_*/*.ipynb

# `looplab sweep --slurm` on a real cluster: environment/slurm/test-cluster.sh starts munged, slurmctld and slurmd
# from a generated slurm.conf in a temporary folder, runs SlurmSweepIT against it and stops what it started. It
# prints SKIPPED (and succeeds) where Slurm cannot start: no packages, not root. About 4 minutes on 2 cores.
test-slurm: build slurm
	bash environment/slurm/test-cluster.sh $(MVN) -q -pl lib test -Dtest=SlurmSweepIT -Dsurefire.failIfNoSpecifiedTests=false

# Debian's Slurm and munge for test-slurm; idempotent, and never fails: without them the test is skipped.
SLURM_PKGS := slurmctld slurmd slurm-client munge
slurm:
	@if command -v apt-get >/dev/null && command -v dpkg-query >/dev/null; then \
	  missing=$$(for p in $(SLURM_PKGS); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
	  if [ -z "$$missing" ]; then echo "slurm, munge: present"; else \
	    echo "installing Debian packages" $$missing; \
	    SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	    $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing \
	      || echo "could not install" $$missing "; the Slurm test will be skipped" >&2; \
	  fi; \
	else \
	  echo "No apt-get here. For the Slurm test install slurmctld, slurmd, the Slurm client and munge; without them it is skipped." >&2; \
	fi

# NOTEBOOKS=notebooks/03_….ipynb runs only those (default: all). Writes the smoke book, build/notebook-tests/index.html.
# One OpenMP thread: the smoke models are tiny, and beside training jobs that hold the cores libtorch's second thread
# spins waiting to be scheduled (a 9×9 smoke fallback then missed the 900 s cell limit; docs/journal.md).
test-notebooks:
	LOOPLAB_PROFILE=smoke OMP_NUM_THREADS=1 $(PY) environment/run_notebooks.py build/notebook-tests --book --timeout 900 $(NOTEBOOKS)

# In headless Chromium: the smoke book's pages with the network off (no failed request, none to another host), then
# notebook 00 run through Jupyter Notebook's own UI (Cell > Run All); its screenshot: build/notebook-ui/00_environment.png.
test-browser:
	$(PY) environment/browser_tests.py offline-pages build/notebook-tests
	LOOPLAB_PROFILE=smoke $(PY) environment/browser_tests.py notebook-ui notebooks/00_environment.ipynb build/notebook-ui

# Jupyter refuses to run as root without --allow-root (containers often are root).
notebook: setup
	cd notebooks && jupyter notebook $$( [ "$$(id -u)" = 0 ] && echo --allow-root )

data: setup
	for d in $(DATA_SETS); do $(LOOPLAB) data build $$d --out data || exit 1; done

# TrainBench (docs/benchmarks.md): the one-core table, the all-cores thread search (the settings that can win) and
# table, then the memory check at batch 64 over 1,000 steps on the small config (6x6 Sudoku, hidden 64, n 1, T 1;
# VmRSS and peak RSS read after warm-up at step 300: minutes a mixer), all through bin/looplab, as training runs.
# About 25-30 minutes in all on an idle 2-core machine.
BENCH_BATCH          ?= 64
BENCH_WARMUP         ?= 2
BENCH_STEPS          ?= 8
# each timed run also trains unmeasured for at least BENCH_WARMUP_SECONDS and measures at least BENCH_MEASURE_SECONDS
# (bench.TimingPlan): at small configs a count of steps times the JVM's JIT, not the step
BENCH_WARMUP_SECONDS  ?= 5
BENCH_MEASURE_SECONDS ?= 2
BENCH_MEMORY_BATCH   ?= 64
BENCH_MEMORY_STEPS   ?= 1000
BENCH_RSS_AT         ?= 300
# measured steps per thread setting in the all-cores search (after 1 warm-up step)
BENCH_SEARCH_STEPS   ?= 2
# the memory check's model: small (minutes) or bench (the timing config: ~40 min a mixer)
BENCH_MEMORY_CONFIG  ?= small
# 1: search every thread setting, not only those that can win (adds ~4 settings a mixer)
BENCH_FULL_SEARCH    ?=
# 1: also run the memory check for the PyTorch script (as long again as ours)
BENCH_PYTORCH_MEMORY ?=
# e.g. -Dai.djl.pytorch.num_threads=1 on a machine other jobs keep busy (the child JVMs inherit it)
BENCH_JAVA_OPTS      ?=
# Debian's torch 1.13 uses whichever libblas.so.3 is active; with only the reference BLAS it pulls in, a float32
# matmul is ~8x slower than with OpenBLAS (measured 3.9 vs 31 GFLOP/s at 1024^3), which would flatter our side.
TORCH_PKGS := python3-torch libopenblas0-pthread

bench: setup bench-pytorch
	java -cp '$(BENCH_CP)' org.looplab.bench.DataBench
	JAVA_OPTS='$(BENCH_JAVA_OPTS)' $(LOOPLAB) --main org.looplab.bench.TrainBench --batch $(BENCH_BATCH) --warmup $(BENCH_WARMUP) \
	  --steps $(BENCH_STEPS) --warmup-seconds $(BENCH_WARMUP_SECONDS) --measure-seconds $(BENCH_MEASURE_SECONDS) \
	  --memory-batch $(BENCH_MEMORY_BATCH) --memory-steps $(BENCH_MEMORY_STEPS) \
	  --rss-at $(BENCH_RSS_AT) --search-steps $(BENCH_SEARCH_STEPS) --memory-config $(BENCH_MEMORY_CONFIG) \
	  --python $(PY) --script bench/trm_step.py $(if $(BENCH_PYTORCH_MEMORY),--pytorch-memory) \
	  $(if $(BENCH_FULL_SEARCH),--full-search)
	java -cp '$(BENCH_CP)' org.looplab.bench.SolverBench --data data
	java -cp '$(BENCH_CP)' org.looplab.bench.McpBench --calls $(BENCH_MCP_CALLS) --checkpoint data/checkpoints/trm-att-sudoku4

# McpBench alone (docs/benchmarks.md, "MCP throughput"): BENCH_MCP_CALLS solve_sudoku calls in flight at once.
BENCH_MCP_CALLS ?= 10000
bench-mcp: build
	java -cp '$(BENCH_CP)' org.looplab.bench.McpBench --calls $(BENCH_MCP_CALLS) --checkpoint data/checkpoints/trm-att-sudoku4

# ScalingBench (docs/benchmarks.md, "Scaling"): the training step of both mixers at every width of
# BENCH_SCALING_SIZES on each case of BENCH_SCALING_CASES (sudoku<side>-n<n>-T<T>-b<batch>), DJL against
# bench/trm_step.py, one core each and all cores (each side at its best of a short search per row). The full grid is
# 50 rows a setting and its hidden-512 rows should take over a minute a step on one core: pick a subset for a sitting.
BENCH_SCALING_SIZES    ?= 32,64,128,256,512
BENCH_SCALING_CASES    ?= sudoku6-n1-T1-b32,sudoku9-n2-T2-b32,sudoku9-n2-T2-b64,sudoku9-n1-T1-b64,sudoku9-n6-T3-b64
BENCH_SCALING_MIXERS   ?= ATTENTION,MLP
BENCH_SCALING_SETTINGS ?= ONE_CORE,ALL_CORES
BENCH_SCALING_WARMUP   ?= 1
# seconds each run also trains unmeasured and measures (bench.TimingPlan, as make bench's)
BENCH_SCALING_WARMUP_SECONDS  ?= 5
BENCH_SCALING_MEASURE_SECONDS ?= 2
# 1: time the evaluation's forward (a batch through all N_sup steps, no gradient) instead of the training step
BENCH_SCALING_FORWARD ?=
BENCH_SCALING_STEPS    ?= 3
BENCH_SCALING_SEARCH_STEPS ?= 1
bench-scaling: build bench-pytorch
	JAVA_OPTS='$(BENCH_JAVA_OPTS)' $(LOOPLAB) --main org.looplab.bench.ScalingBench --sizes $(BENCH_SCALING_SIZES) \
	  --cases $(BENCH_SCALING_CASES) --mixers $(BENCH_SCALING_MIXERS) --settings $(BENCH_SCALING_SETTINGS) \
	  --warmup $(BENCH_SCALING_WARMUP) --warmup-seconds $(BENCH_SCALING_WARMUP_SECONDS) --steps $(BENCH_SCALING_STEPS) \
	  --measure-seconds $(BENCH_SCALING_MEASURE_SECONDS) --search-steps $(BENCH_SCALING_SEARCH_STEPS) \
	  $(if $(BENCH_SCALING_FORWARD),--forward) \
	  --python $(PY) --script bench/trm_step.py

# LatencyBench (docs/benchmarks.md, "Solver latency"): one puzzle's wall time through the warm solver service (p50,
# p99) at all N_sup steps and with adaptive halting, puzzles/s with all in flight, VmRSS across the calls, for the
# shipped 4x4, 6x6 and 9x9 checkpoints, through bin/looplab like `looplab solve`.
BENCH_LATENCY_CALLS   ?= 200
BENCH_LATENCY_BATCHED ?= 256
BENCH_LATENCY_CHECKPOINTS ?= trm-mlp-sudoku4,trm-mlp-sudoku6,trm-mlp-sudoku9-mixed
bench-latency: build
	JAVA_OPTS='$(BENCH_JAVA_OPTS)' $(LOOPLAB) --main org.looplab.bench.LatencyBench --data data \
	  --checkpoint $(BENCH_LATENCY_CHECKPOINTS) --calls $(BENCH_LATENCY_CALLS) --batched $(BENCH_LATENCY_BATCHED)

# libtorch's op profiler over PROFILE_STEPS training steps at PROFILE_CONFIG (bench: 9x9, hidden 128, n 6, T 3;
# small: 6x6, hidden 64, n 1, T 1), after at least PROFILE_WARMUP steps and BENCH_WARMUP_SECONDS seconds (the JIT's first seconds stay out of the op times); the Chrome traces stay in build/profile/.
# BENCH_JAVA_OPTS=-Dai.djl.pytorch.num_threads=1 profiles one thread.
PROFILE_STEPS  ?= 2
PROFILE_WARMUP ?= 1
PROFILE_CONFIG ?= bench
profile: build
	JAVA_OPTS='$(BENCH_JAVA_OPTS)' $(LOOPLAB) --main org.looplab.bench.TrainBench --profile --config $(PROFILE_CONFIG) \
	  --batch $(BENCH_BATCH) --warmup $(PROFILE_WARMUP) --warmup-seconds $(BENCH_WARMUP_SECONDS) --steps $(PROFILE_STEPS)

# Both sides' step on one core each under the sampling profiler perf, split by kind of work (BLAS kernels, BLAS
# packing, libtorch ops, page faults, runtime) with what the speed targets need of each part (TrainBench --cpu-split;
# docs/benchmarks.md). Installs linux-perf and the PyTorch reference when missing; about 4 minutes on an idle machine.
PROFILE_CPU_STEPS ?= 6
# 1: split the all-cores run instead (DJL at every core, PASSIVE; torch at 1 intra-op thread, OpenBLAS's own): CPU ms
PROFILE_CPU_ALL_CORES ?=
PROFILE_CPU_CONFIG    ?= BENCH
profile-cpu: build bench-pytorch
	@command -v perf >/dev/null || { echo "installing Debian package linux-perf"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends linux-perf \
	    || echo "could not install linux-perf" >&2; }
	$(LOOPLAB) --main org.looplab.bench.TrainBench --cpu-split --batch $(BENCH_BATCH) --warmup $(BENCH_WARMUP) \
	  --warmup-seconds $(BENCH_WARMUP_SECONDS) --measure-seconds $(BENCH_MEASURE_SECONDS) --steps $(PROFILE_CPU_STEPS) \
	  --python $(PY) --script bench/trm_step.py --config $(PROFILE_CPU_CONFIG) \
	  $(if $(PROFILE_CPU_ALL_CORES),--all-cores)

# The PyTorch reference of TrainBench and of ReferencePortTest. Idempotent; never fails here: without it, TrainBench
# prints the Java-only table, and `make test`'s ReferencePortTest fails naming what is missing.
bench-pytorch:
	@if command -v apt-get >/dev/null && command -v dpkg-query >/dev/null; then \
	  missing=$$(for p in $(TORCH_PKGS); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
	  if [ -z "$$missing" ]; then echo "python3-torch, OpenBLAS: present"; else \
	    echo "installing Debian packages" $$missing; \
	    SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	    $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing \
	      || echo "could not install" $$missing "; TrainBench runs Java-only" >&2; \
	  fi; \
	elif $(PY) -c 'import torch' 2>/dev/null; then \
	  echo "torch: present for $(PY)"; \
	else \
	  echo "No apt-get here. For the PyTorch comparison install PyTorch for $(PY) with an optimised BLAS" \
	       "(Debian/Ubuntu: apt-get install $(TORCH_PKGS)); TrainBench runs Java-only." >&2; \
	fi

checkpoints: $(addprefix train-,$(CHECKPOINTS))

# train-<model>-<task>: the model is everything before the last '-', the task what follows it.
train-%: setup
	$(LOOPLAB) train --model $(patsubst %-$(lastword $(subst -, ,$*)),%,$*) --task $(lastword $(subst -, ,$*)) \
	  --profile cpu --seed 0 $(if $(STEPS_$*),--steps $(STEPS_$*) --minutes 0) --out data/checkpoints/$*

# A checkpoint made as one cell of a sweep (for recipes `looplab train` has no options for: batch, n, T, width). The
# finished run folder becomes data/checkpoints/NAME, swapped in whole once its evaluation is written; the cell stays
# in the sweep's cache, so a rerun after an interruption resumes it from its last checkpoint.
# sweep-checkpoint(name, spec, out, cell hash): the cell's folder under OUT/runs/ ends in its hash.
define sweep-checkpoint
	JAVA_OPTS="$${JAVA_OPTS:-} -Dai.djl.pytorch.num_threads=1" $(LOOPLAB) sweep --spec $(2) --out $(3) --cell $(4)
	rm -rf data/checkpoints/$(1).tmp && mkdir -p data/checkpoints/$(1).tmp
	run=$$(ls -d $(3)/runs/*-$(4)*/ | head -1) && \
	  cp -r $$run/manifest.json $$run/SHA256SUMS $$run/metrics.jsonl $$run/result.json $$run/model data/checkpoints/$(1).tmp/
	$(LOOPLAB) eval --checkpoint data/checkpoints/$(1).tmp --data-root data > data/checkpoints/$(1).tmp/evaluation.txt
	sed -i 's#[^ ]*data/checkpoints/$(1)\.tmp#data/checkpoints/$(1)#' data/checkpoints/$(1).tmp/evaluation.txt # the folder it will be
	rm -rf data/checkpoints/$(1) && mv data/checkpoints/$(1).tmp data/checkpoints/$(1)
endef

# The maze checkpoint (solve_maze; docs/training.md): the one cell of experiments/checkpoint-maze9-unique.json (the maze recipe's batch
# 32 is a sweep override).
train-trm-mlp-maze9-unique: setup
	$(call sweep-checkpoint,trm-mlp-maze9-unique,experiments/checkpoint-maze9-unique.json,build/checkpoint-maze9-unique,7c8e3791cc)

# The ARC checkpoint (notebook 08, docs/arc.md): the one cell of experiments/checkpoint-arc-family.json, TRM-Att (the
# papers' ARC model) at hidden 64, n 2, T 2 on the generated ARC-like family: the cpu preset (hidden 128, n 6, T 3)
# takes 7 s a step on one core, this one a fraction of that. Its evaluation.txt has pass@1 and pass@2 by voting.
train-trm-att-arc-family: setup
	$(call sweep-checkpoint,trm-att-arc-family,experiments/checkpoint-arc-family.json,data/results/checkpoint-arc-family,2f2371a82a)

# The 9×9 Sudoku checkpoint (solve_sudoku on 9×9, notebooks 04, 05, 07, 09): seed 0 of the 9×9 grid of
# experiments/claim-halting.json (TRM-MLP, hidden 64, n 1, T 1, 12,000 steps), trained into the committed claim
# results, where the halting claim reads it too.
train-trm-mlp-sudoku9-mixed: setup
	$(call sweep-checkpoint,trm-mlp-sudoku9-mixed,experiments/claim-halting.json,data/results/claim-halting,11eb9ff68f)

# A warm-started stage (`train --init-from`: the source's EMA weights; fresh AdamW moments, EMA and warm-up, recorded
# in the manifest). It trains in RUN, committed with its resume state while unfinished, so a rerun resumes where it
# stopped; a finished run is copied to data/checkpoints/NAME with its held-out evaluation.
# $(1) NAME, $(2) task, $(3) source checkpoint, $(4) steps, $(5) RUN
define warm-stage
	@test -f $(3)/manifest.json || { echo "$(3) is missing: run make train-$(notdir $(3)) first" >&2; exit 2; }
	if [ -f $(5)/manifest.json ]; then \
	  JAVA_OPTS="$${JAVA_OPTS:-} -Dai.djl.pytorch.num_threads=1" $(LOOPLAB) train --resume $(5); \
	else \
	  JAVA_OPTS="$${JAVA_OPTS:-} -Dai.djl.pytorch.num_threads=1" $(LOOPLAB) train --task $(2) --profile cpu --seed 0 \
	    --init-from $(3) --steps $(4) --out $(5) $(6); \
	fi
	rm -rf data/checkpoints/$(1).tmp && mkdir -p data/checkpoints/$(1).tmp
	cp -r $(5)/manifest.json $(5)/SHA256SUMS $(5)/metrics.jsonl $(5)/model $(5)/evaluation.txt data/checkpoints/$(1).tmp/
	rm -rf data/checkpoints/$(1) && mv data/checkpoints/$(1).tmp data/checkpoints/$(1)
endef

# The 9×9 checkpoint's second stage (docs/sudoku9.md, "The long run"): 36,000 more steps of the same recipe from
# trm-mlp-sudoku9-mixed. The first stage kept no resume state, so this is how its curve goes on.
train-trm-mlp-sudoku9-mixed-long: setup
	$(call warm-stage,trm-mlp-sudoku9-mixed-long,sudoku9-mixed,data/checkpoints/trm-mlp-sudoku9-mixed,36000,data/results/sudoku9-long/run)

# The 9×9 checkpoint's third stage (docs/sudoku9.md, "The cosine stage"): 6,000 steps from the long run's end with
# the learning rate falling along a half cosine to 0, the lever the plateau pilot measured (about 55 min of one core).
train-trm-mlp-sudoku9-mixed-cosine: setup
	$(call warm-stage,trm-mlp-sudoku9-mixed-cosine,sudoku9-mixed,data/checkpoints/trm-mlp-sudoku9-mixed-long,6000,data/results/sudoku9-cosine/run,--lr-min-ratio 0)

# The hard 9×9 model (docs/sudoku9.md, "The hard run"): a difficulty curriculum, mixed then extreme. From
# trm-mlp-sudoku9-mixed-cosine (54,000 steps of mixed puzzles, which alone solves many extreme ones), 6,000 steps on
# sudoku9-extreme (minimal puzzles needing ≥ 20 backtracks) at the papers' peak rate 1e-4, decaying to 0: the arm the
# hard-stage measurements chose (the recipe's 1e-3, constant or decaying, lost ground). About 50 min of one core.
train-trm-mlp-sudoku9-extreme: setup
	$(call warm-stage,trm-mlp-sudoku9-extreme,sudoku9-extreme,data/checkpoints/trm-mlp-sudoku9-mixed-cosine,6000,data/results/sudoku9-extreme/cosine-lr1e-4-s0,--lr 1e-4 --lr-min-ratio 0)

# The plateau pilot (docs/sudoku9.md, "The plateau pilot"): from one snapshot of the long run (PLATEAU_START, its EMA
# weights after 35,225 steps), PLATEAU_STEPS more steps with the learning rate constant (as the recipe) against a
# half cosine down to 0 (`train --lr-min-ratio 0`), one arm after the other on one core (~25 min each). An arm is
# NAME:RATIO[:TASK]: cosine30k:0:sudoku9-mixed-30k trains on the set with 10× the training puzzles (same held-out
# puzzles). A stopped arm resumes; a finished one (evaluation.txt: all 1,000 held-out puzzles) is left as it is.
PLATEAU_START ?= data/results/plateau-sudoku9/start
PLATEAU_STEPS ?= 3000
PLATEAU_SEEDS ?= 0
PLATEAU_ARMS  ?= constant:1 cosine:0
pilot-sudoku9-plateau: setup
	@for seed in $(PLATEAU_SEEDS); do for arm in $(PLATEAU_ARMS); do \
	  IFS=: read -r name ratio task <<< "$$arm"; \
	  out=data/results/plateau-sudoku9/$$name-s$$seed; \
	  if [ -f $$out/evaluation.txt ]; then echo "$$out: finished"; continue; fi; \
	  if [ -f $$out/manifest.json ]; then \
	    JAVA_OPTS="$${JAVA_OPTS:-} -Dai.djl.pytorch.num_threads=1" $(LOOPLAB) train --resume $$out || exit $$?; \
	  else \
	    JAVA_OPTS="$${JAVA_OPTS:-} -Dai.djl.pytorch.num_threads=1" $(LOOPLAB) train --task $${task:-sudoku9-mixed} \
	      --profile cpu --seed $$seed --init-from $(PLATEAU_START) --steps $(PLATEAU_STEPS) --lr-min-ratio $$ratio --out $$out \
	      || exit $$?; \
	  fi; done; done

# Halting of the shipped 9×9 recipe over three seeds (docs/sudoku9.md, "Halting over seeds"): its last stage, the
# cosine stage, trained again from the same start (trm-mlp-sudoku9-mixed-long) with seeds 1 and 2, ~50 min of one
# core each (seed 0 is the shipped trm-mlp-sudoku9-mixed-cosine), and each measured as the shipped one is: threshold
# 0.9, rated by propagation and by backtracks, at the trained depth and at n 1, T 3 (`halting --recursion 1,3`). The records carry their run's recipe (train.RunRecipe), so the claims
# board pools the three seeds into one row per rating. A stopped run resumes; a record that exists is kept.
COSINE_SEEDS ?= 1 2
halting-sudoku9-seeds: setup
	@for seed in $(COSINE_SEEDS); do out=data/results/sudoku9-cosine-seeds/s$$seed; \
	  if [ -f $$out/manifest.json ]; then \
	    [ -f $$out/evaluation.txt ] || JAVA_OPTS="$${JAVA_OPTS:-} -Dai.djl.pytorch.num_threads=1" $(LOOPLAB) train \
	      --resume $$out || exit $$?; \
	  else \
	    JAVA_OPTS="$${JAVA_OPTS:-} -Dai.djl.pytorch.num_threads=1" $(LOOPLAB) train --task sudoku9-mixed --profile cpu \
	      --seed $$seed --init-from data/checkpoints/trm-mlp-sudoku9-mixed-long --steps 6000 --lr-min-ratio 0 \
	      --out $$out || exit $$?; \
	  fi; \
	  for depth in "" 1,3; do for d in propagation backtracks; do \
	    rec=data/results/halting/trm-mlp-sudoku9-mixed-cosine-s$$seed; [ -n "$$depth" ] && rec=$$rec-T3; \
	    [ $$d = backtracks ] && rec=$$rec-backtracks; [ -f $$rec.json ] && continue; \
	    $(LOOPLAB) halting --checkpoint $$out $${depth:+--recursion $$depth} --threshold 0.9 --difficulty $$d \
	      --record $$rec.json > $$rec.txt || exit $$?; done; done; done

# The depth stages (docs/sudoku9.md, "Thinking longer"): the 9×9 models trained at n 1, T 1 solve more when run at
# T 2 or more, so these train on at n 1, T 2 (two iterations per supervision step) from the same weights
# (`train --init-from SOURCE --recursion 1,2`, recorded in the manifest), the rate decaying to 0: a mixed stage from the
# shipped cosine stage's start (3,000 steps, half its 6,000 at a higher cost per step) and a hard stage from the mixed
# model (the shipped hard stage's recipe at T 2). A stopped stage resumes; a finished one is left as it is.
define depth-stage
	@if [ -f $(4)/evaluation.txt ]; then echo "$(4): finished"; \
	elif [ -f $(4)/manifest.json ]; then \
	  JAVA_OPTS="$${JAVA_OPTS:-} -Dai.djl.pytorch.num_threads=1" $(LOOPLAB) train --resume $(4); \
	else \
	  JAVA_OPTS="$${JAVA_OPTS:-} -Dai.djl.pytorch.num_threads=1" $(LOOPLAB) train --task $(1) --profile cpu --seed 0 \
	    --init-from $(2) --recursion 1,2 --steps $(3) --lr-min-ratio 0 --out $(4) $(5); \
	fi
endef
pilot-sudoku9-depth: setup
	$(call depth-stage,sudoku9-mixed,data/checkpoints/trm-mlp-sudoku9-mixed-long,3000,data/results/depth-sudoku9/n1T2-cosine3k-s0,)
	$(call depth-stage,sudoku9-extreme,data/checkpoints/trm-mlp-sudoku9-mixed-cosine,6000,data/results/sudoku9-extreme/n1T2-lr1e-4-s0,--lr 1e-4)

# The attention-vs-MLP sweep (notebook 06). Finished cells are cached by config hash, so a rerun trains only what is
# missing. ABLATION_JOBS shards run side by side with one libtorch thread each: on a 2-core machine that is ~1.5×
# the throughput of one 2-thread process and avoids OpenMP oversubscription when anything else runs. The --list
# pass builds missing data sets once, before the shards start; the last pass only collects the tables.
ABLATION_SPEC ?= experiments/ablation-cpu.json
ABLATION_OUT  ?= data/results/ablation
ABLATION_JOBS ?= 2
ablation: setup
	$(call sweep-sharded,$(ABLATION_SPEC),$(ABLATION_OUT),$(ABLATION_JOBS))

# sweep-sharded(spec, out, jobs): the --list pass builds missing data sets once, before the shards start; the shards
# run side by side with one libtorch thread each; the last pass only collects the tables. Cached and resumable: a
# stopped run continues from its last checkpoint, a finished cell is never trained again.
define sweep-sharded
	$(LOOPLAB) sweep --spec $(1) --out $(2) --list
	pids=""; for i in $$(seq 1 $(3)); do \
	  JAVA_OPTS=-Dai.djl.pytorch.num_threads=1 $(LOOPLAB) sweep --spec $(1) --out $(2) \
	    --shard $$i/$(3) & pids="$$pids $$!"; done; \
	for p in $$pids; do wait $$p || exit 1; done
	$(LOOPLAB) sweep --spec $(1) --out $(2)
endef

# The claims (docs/claims.md): one sweep per claim, experiments/claim-NAME.json into data/results/claim-NAME.
# Hours each on a 2-core CPU (see the spec's budgets); never part of `make test`.
CLAIM_JOBS ?= 2
CLAIMS     := claim-mixer claim-depth claim-depth-steps claim-unroll-ema claim-halting
claim-%: setup
	$(call sweep-sharded,experiments/claim-$*.json,data/results/claim-$*,$(CLAIM_JOBS))

# The halting claim also measures every trained MLP run's halting on its test set: data/results/halting/<run>.json,
# at the deck's threshold 0.9, Sudoku rated by propagation depth (rounds of singles; search-needing puzzles above
# them), and 9×9 runs also by solver backtracks (<run>-backtracks.json, a board row of its own). A record that exists
# is not measured again (a clone has the records, but not every run's model/ folder). The spec's 9×9 mixer grid shares
# the MLP runs; its attention runs are mixer runs only.
claim-halting: setup
	$(call sweep-sharded,experiments/claim-halting.json,data/results/claim-halting,$(CLAIM_JOBS))
	mkdir -p data/results/halting; for d in data/results/claim-halting/runs/*-trm-mlp-*/; do n=$$(basename $$d); \
	  [ -f $$d/result.json ] || continue; \
	  [ -f data/results/halting/$$n.json ] || $(LOOPLAB) halting --checkpoint $$d --threshold 0.9 --difficulty propagation \
	    --record data/results/halting/$$n.json > data/results/halting/$$n.txt || exit 1; \
	  case $$n in sudoku9*) [ -f data/results/halting/$$n-backtracks.json ] || $(LOOPLAB) halting --checkpoint $$d \
	    --threshold 0.9 --difficulty backtracks --record data/results/halting/$$n-backtracks.json \
	    > data/results/halting/$$n-backtracks.txt || exit 1;; esac; done

# Depth at equal optimiser steps, to convergence: its (n 1, T 1) arm is claim-depth's, cell for cell (same cache keys,
# 5,333 steps each), so those finished runs are copied in rather than trained again.
claim-depth-steps: setup
	mkdir -p data/results/claim-depth-steps/runs
	for d in data/results/claim-depth/runs/sudoku6-hard-trm-mlp-n1-T1-*/; do [ -f $$d/result.json ] || continue; \
	  [ -e data/results/claim-depth-steps/runs/$$(basename $$d) ] || cp -r $$d data/results/claim-depth-steps/runs/; done
	$(call sweep-sharded,experiments/claim-depth-steps.json,data/results/claim-depth-steps,$(CLAIM_JOBS))

# The mixer claim's MLP maze runs are halting runs too (chosen on 2026-12-06, before any of them ran): each is
# measured like the halting grid, at the deck's threshold 0.9, mazes rated by shortest path length, into
# data/results/halting/<run>.json, where claims.HaltingSeeds pools the three seeds of a recipe. Attention's maze runs
# are left out: at this budget they stay at the copy floor (0% exact), where no halting step means anything.
claim-mixer: setup
	$(call sweep-sharded,experiments/claim-mixer.json,data/results/claim-mixer,$(CLAIM_JOBS))
	mkdir -p data/results/halting; for d in data/results/claim-mixer/runs/maze*-trm-mlp-*/; do n=$$(basename $$d); \
	  [ -f $$d/result.json ] && [ ! -f data/results/halting/$$n.json ] || continue; \
	  $(LOOPLAB) halting --checkpoint $$d --threshold 0.9 --difficulty path-length \
	    --record data/results/halting/$$n.json > data/results/halting/$$n.txt || exit 1; done

claims-all: $(CLAIMS)

# The scoreboard from whatever results are committed (seconds; trains nothing).
claims: build
	$(LOOPLAB) claims

# The generated blocks of README.md and docs/*.md (the claims board, the shipped checkpoints) from committed data.
docs: build
	$(LOOPLAB) docs README.md docs/*.md

data-ladder: setup
	for d in $(LADDER_SETS); do $(LOOPLAB) data build $$d --out data || exit 1; done

clean:
	$(MVN) -q clean
	rm -rf build
