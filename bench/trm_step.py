#!/usr/bin/python3
"""The PyTorch reference for `make bench`: LoopLab's TRM training step, written again in plain PyTorch.

It mirrors the Java model and trainer, so that `TrainBench` can compare like with like:
  model    lib/src/main/java/org/looplab/model/ (TinyRecursiveModel, ReasoningNet, ReasoningBlock, AttentionMixer,
           MlpMixer, SwiGlu, RmsNorm, RotaryEmbedding, InputEmbedding, OutputHeads)
  trainer  lib/src/main/java/org/looplab/train/DeepSupervisionTrainer.java (TrainConfig.of(CPU, "sudoku9-hard"))
The parameter count is printed so the Java side can check that both build the same model. Weights are drawn with
torch's generator, so the numbers (not the shapes or the distributions) differ from the Java ones.

Runs on Debian bookworm's python3-torch (1.13) with /usr/bin/python3. Prints exactly one JSON line on stdout (the
fields of org.looplab.bench.StepReport); progress goes to stderr.

  /usr/bin/python3 bench/trm_step.py --mixer attention --warmup 3 --steps 20 --batch 64
  /usr/bin/python3 bench/trm_step.py --mixer mlp --warmup 0 --steps 2000 --batch 4 --rss-at 100 --no-matmul
  /usr/bin/python3 bench/trm_step.py --mixer mlp --task sudoku6 --hidden 64 --latent-steps 1 --recursions 1 --batch 32
  /usr/bin/python3 bench/trm_step.py --count-params sudoku6:64:mlp sudoku9:512:attention   # counts only, no step
"""
import argparse
import json
import math
import os
import random
import resource
import sys
import time

import torch
import torch.nn.functional as F

# The model: TrmConfig.SMALL_ATTENTION / SMALL_MLP on 9x9 Sudoku (TaskShape.sudoku9), the defaults of the command
# line; configure() sets the task, width, n and T of another size (bench.StepShape on the Java side).
HIDDEN, HEADS, EXPANSION, LAYERS = 128, 4, 4.0, 2
LATENT_STEPS, RECURSIONS, SUPERVISION_STEPS, PREFIX = 6, 3, 16, 16   # n, T, N_sup, puzzle-id prefix positions
VOCAB, CELLS, PUZZLE_IDS = 11, 81, 1                                  # pad 0, blank 1, digits 2..10
RMS_EPS, ROPE_BASE = 1e-5, 10000.0
TRUNCATED_STD = 0.8796256610342398   # std of a standard normal truncated to +-2 (ParameterInit)
# The recipe: TrainConfig.of(Profile.CPU, "sudoku9-hard").
LR, WARMUP, WEIGHT_DECAY, BETAS, ADAM_EPS = 1e-3, 300, 0.1, (0.9, 0.95), 1e-8
PUZZLE_LR, PUZZLE_DECAY, EMA_DECAY, EXPLORATION, HALT_WEIGHT = 1e-3, 0.1, 0.995, 0.1, 0.5
IGNORE = 0   # pad label, left out of the loss
MAX_TIMED_STEPS = 2000   # steps past a phase's count to fill its seconds (TimingPlan.MAX_TIMED_STEPS in Java)


def sudoku_side(task):
    """'sudoku9' -> 9: the Sudoku sizes the lab trains (TaskShape.sudoku)."""
    side = task[len("sudoku"):] if task.startswith("sudoku") else ""
    if side not in ("4", "6", "9"):
        raise ValueError(f"task must be sudoku4, sudoku6 or sudoku9, was {task!r}")
    return int(side)


def configure(task, hidden, latent_steps, recursions):
    """Points the module's sizes at one model: Sudoku of `task` (vocab side + 2, side^2 cells), width, n and T."""
    global HIDDEN, LATENT_STEPS, RECURSIONS, VOCAB, CELLS
    side = sudoku_side(task)
    if hidden < HEADS or hidden % HEADS or latent_steps < 1 or recursions < 1:
        raise ValueError(f"need hidden a multiple of {HEADS}, n >= 1, T >= 1; was {hidden}, {latent_steps}, "
                         f"{recursions}")
    HIDDEN, LATENT_STEPS, RECURSIONS, VOCAB, CELLS = hidden, latent_steps, recursions, side + 2, side * side


def parameter_count(mixer):
    """The papers' count (ReasoningModel.parameterCount) of the configured model: no training, no matmul."""
    return sum(p.numel() for p in TinyRecursiveModel(mixer).trained())


def count_parameters(specs):
    """`--count-params TASK:HIDDEN:MIXER ...`: every spec's count in one process (starting torch is the slow part)."""
    counts = []
    for spec in specs:
        parts = spec.split(":")
        if len(parts) != 3 or not parts[1].isdigit():
            raise ValueError(f"{spec}: a spec is TASK:HIDDEN:MIXER, e.g. sudoku9:64:mlp")
        task, hidden, mixer = parts
        if mixer not in ("attention", "mlp"):
            raise ValueError(f"{spec}: mixer must be attention or mlp, was {mixer!r}")
        configure(task, int(hidden), 1, 1)   # n and T repeat the same net: they change no parameter
        counts.append({"task": task, "hidden": int(hidden), "mixer": mixer, "params": parameter_count(mixer)})
    return counts


def truncated_normal(shape, std):
    """Draws within +-2, rescaled so the truncated draw has exactly `std` (ParameterInit.truncatedNormal)."""
    t = torch.empty(shape)
    torch.nn.init.trunc_normal_(t, 0.0, 1.0, -2.0, 2.0)
    return t.mul_(std / TRUNCATED_STD)


def linear_weight(out_features, in_features):
    """A bias-free linear [out, in], truncated LeCun normal (Weights.linear)."""
    return torch.nn.Parameter(truncated_normal((out_features, in_features), 1.0 / math.sqrt(in_features)))


def rms_norm(x):
    """RMSNorm over the last axis, no gain (RmsNorm)."""
    return x * torch.rsqrt(x.square().mean(-1, keepdim=True) + RMS_EPS)


def inner_size(width):
    """round(expansion * width * 2/3) up to a multiple of 256 (SwiGlu.innerSize; Python's round is half to even)."""
    return (round(EXPANSION * width * 2 / 3) + 255) // 256 * 256


class SwiGlu(torch.nn.Module):
    """down(silu(gate) * up), one fused width -> 2*inner projection."""

    def __init__(self, width):
        super().__init__()
        inner = inner_size(width)
        self.gate_up = linear_weight(2 * inner, width)
        self.down = linear_weight(width, inner)

    def forward(self, x):
        gate, up = F.linear(x, self.gate_up).chunk(2, dim=-1)
        return F.linear(F.silu(gate) * up, self.down)


class Rotary(torch.nn.Module):
    """RoPE, rotate-half layout, over every position including the prefix (RotaryEmbedding)."""

    def __init__(self, seq_len, head_dim):
        super().__init__()
        half = head_dim // 2
        freq = 1.0 / ROPE_BASE ** (torch.arange(half, dtype=torch.float64) * 2 / head_dim)
        angle = torch.arange(seq_len, dtype=torch.float64)[:, None] * freq[None, :]   # [seq, half]
        angle = torch.cat([angle, angle], dim=-1)                                     # the halves share a frequency
        self.register_buffer("cos", angle.cos().float(), persistent=False)
        self.register_buffer("sin", angle.sin().float(), persistent=False)
        self.half = half

    def forward(self, q):   # [B, H, S, hd]
        rotated = torch.cat([-q[..., self.half:], q[..., :self.half]], dim=-1)
        return q * self.cos + rotated * self.sin


class AttentionMixer(torch.nn.Module):
    """Bidirectional MHA, fused QKV, no biases, then RMSNorm(h + attn(h)) (AttentionMixer)."""

    def __init__(self, rope):
        super().__init__()
        self.qkv = linear_weight(3 * HIDDEN, HIDDEN)
        self.out = linear_weight(HIDDEN, HIDDEN)
        self.rope = rope
        self.head_dim = HIDDEN // HEADS

    def forward(self, h):
        b, s, _ = h.shape
        q, k, v = F.linear(h, self.qkv).view(b, s, 3, HEADS, self.head_dim).permute(2, 0, 3, 1, 4)  # [B, H, S, hd]
        q, k = self.rope(q), self.rope(k)
        # torch 1.13 has no F.scaled_dot_product_attention; DJL exposes none either
        weights = (q @ k.transpose(-1, -2) * (1.0 / math.sqrt(self.head_dim))).softmax(-1)         # [B, H, S, S]
        mixed = (weights @ v).transpose(1, 2).reshape(b, s, HIDDEN)
        return rms_norm(h + F.linear(mixed, self.out))


class MlpMixer(torch.nn.Module):
    """TRM-MLP's token mixer: a SwiGLU across positions, post-norm while transposed (MlpMixer)."""

    def __init__(self, seq_len):
        super().__init__()
        self.tokens = SwiGlu(seq_len)

    def forward(self, h):
        t = h.transpose(1, 2)                  # [B, D, S]
        t = rms_norm(t + self.tokens(t))       # normalised over S, per channel
        return t.transpose(1, 2)


class Block(torch.nn.Module):
    """h = mix(h); h = RMSNorm(h + SwiGLU(h)) (ReasoningBlock)."""

    def __init__(self, mixer, seq_len, rope):
        super().__init__()
        self.mixer = AttentionMixer(rope) if mixer == "attention" else MlpMixer(seq_len)
        self.mlp = SwiGlu(HIDDEN)

    def forward(self, h):
        h = self.mixer(h)
        return rms_norm(h + self.mlp(h))


class TinyRecursiveModel(torch.nn.Module):
    def __init__(self, mixer):
        super().__init__()
        seq_len = PREFIX + CELLS
        rope = Rotary(seq_len, HIDDEN // HEADS) if mixer == "attention" else None
        self.tokens = torch.nn.Parameter(truncated_normal((VOCAB, HIDDEN), 1.0 / math.sqrt(HIDDEN)))
        # Zero, and trained by sign-SGD, not AdamW (InputEmbedding); not counted in the parameters.
        self.puzzles = torch.nn.Parameter(torch.zeros(PUZZLE_IDS, HIDDEN))
        self.blocks = torch.nn.ModuleList(Block(mixer, seq_len, rope) for _ in range(LAYERS))
        self.answer = linear_weight(VOCAB, HIDDEN)
        self.halt_weight = torch.nn.Parameter(torch.zeros(2, HIDDEN))          # halt head: weight 0, bias -5
        self.halt_bias = torch.nn.Parameter(torch.full((2,), -5.0))
        self.register_buffer("init_answer", truncated_normal((HIDDEN,), 1.0))
        self.register_buffer("init_reasoning", truncated_normal((HIDDEN,), 1.0))

    def trained(self):
        """The parameters AdamW trains: the papers' count (ReasoningModel.parameterCount)."""
        return [p for name, p in self.named_parameters() if name != "puzzles"]

    def embed(self, tokens, puzzle_ids):   # [B, cells], [B] -> [B, prefix + cells, D]
        b = tokens.shape[0]
        prefix = torch.cat([self.puzzles[puzzle_ids][:, None, :],
                            torch.zeros(b, PREFIX - 1, HIDDEN)], dim=1)
        return torch.cat([prefix, self.tokens[tokens]], dim=1) * math.sqrt(HIDDEN)

    def net(self, h):
        for block in self.blocks:
            h = block(h)
        return h

    def recurse(self, y, z, x, rounds):   # TinyRecursiveModel.recurse
        for _ in range(rounds):
            for _ in range(LATENT_STEPS):
                z = self.net(x + y + z)
            y = self.net(y + z)
        return y, z

    def supervision_step(self, y, z, x):
        with torch.no_grad():
            y, z = self.recurse(y, z, x, RECURSIONS - 1)
        return self.recurse(y, z, x, 1)

    def readout(self, y):
        logits = F.linear(y[:, PREFIX:], self.answer)                          # [B, cells, vocab]
        q = F.linear(y[:, 0], self.halt_weight, self.halt_bias)                # [B, 2]
        return logits, q[:, 0]

    def initial(self, batch):
        shape = (batch, PREFIX + CELLS, HIDDEN)
        return self.init_answer.expand(shape).clone(), self.init_reasoning.expand(shape).clone()


def stablemax_cross_entropy(logits, labels):
    """Per-puzzle mean over counted cells, then the batch mean (StablemaxCrossEntropy)."""
    s = torch.where(logits < 0, 1 / (1 - logits.clamp(max=0)), logits.clamp(min=0) + 1)
    token = s.sum(-1).log() - s.gather(-1, labels[..., None]).squeeze(-1).log()
    counted = (labels != IGNORE).float()
    return ((token * counted).sum(-1) / counted.sum(-1).clamp(min=1)).mean()


def exactly_right(logits, labels):
    wrong = (logits.argmax(-1) != labels) & (labels != IGNORE)
    return (wrong.sum(-1) == 0).float()


class Trainer:
    """DeepSupervisionTrainer: streaming slots, one optimiser step per supervision step."""

    def __init__(self, model, batch, puzzles):
        self.model, self.batch = model, batch
        self.inputs, self.labels = puzzles
        self.params = model.trained()
        self.adamw = torch.optim.AdamW(self.params, lr=LR, betas=BETAS, eps=ADAM_EPS, weight_decay=WEIGHT_DECAY)
        self.ema = [p.detach().clone() for p in self.params]
        self.rng = random.Random(0)
        self.order, self.cursor = [], 0
        self.slot_puzzle = [0] * batch
        self.slot_steps = [0] * batch
        self.slot_min = [1] * batch
        self.halted = [True] * batch
        self.carry = None
        self.step_count = 0

    def next_puzzle(self):
        if self.cursor == len(self.order):
            self.order = list(range(self.inputs.shape[0]))
            self.rng.shuffle(self.order)
            self.cursor = 0
        self.cursor += 1
        return self.order[self.cursor - 1]

    def step(self):
        reset = list(self.halted)
        for s in range(self.batch):   # HaltingSlots.beginStep
            if reset[s]:
                self.slot_puzzle[s] = self.next_puzzle()
                self.slot_steps[s] = 0
                self.slot_min[s] = 2 + self.rng.randrange(SUPERVISION_STEPS - 1) \
                    if self.rng.random() < EXPLORATION else 1
        rows = torch.tensor(self.slot_puzzle)
        tokens, labels = self.inputs[rows], self.labels[rows]
        puzzle_ids = torch.zeros(self.batch, dtype=torch.long)
        y, z = self.model.initial(self.batch)
        if self.carry is not None:
            mask = torch.tensor(reset)[:, None, None]
            y, z = torch.where(mask, y, self.carry[0]), torch.where(mask, z, self.carry[1])

        x = self.model.embed(tokens, puzzle_ids)                 # with grad: embeddings learn
        y, z = self.model.supervision_step(y, z, x)
        logits, q_halt = self.model.readout(y)
        answer = stablemax_cross_entropy(logits, labels)
        exact = exactly_right(logits.detach(), labels)
        halt = F.binary_cross_entropy_with_logits(q_halt, exact)
        loss = answer + HALT_WEIGHT * halt
        if not math.isfinite(loss.item()):
            raise RuntimeError(f"loss is {loss.item()} at step {self.step_count + 1}")
        loss.backward()
        self.carry = (y.detach(), z.detach())                    # no gradient between supervision steps

        margin = q_halt.detach().tolist()
        for s in range(self.batch):   # HaltingSlots.endStep
            self.slot_steps[s] += 1
            wants = margin[s] > 0 and self.slot_steps[s] >= self.slot_min[s]
            self.halted[s] = self.slot_steps[s] >= SUPERVISION_STEPS or wants

        self.step_count += 1
        with torch.no_grad():
            finite = all(math.isfinite(p.grad.sum().item()) for p in self.params + [self.model.puzzles])
            if finite:
                self.update()
            self.adamw.zero_grad(set_to_none=False)
            self.model.puzzles.grad.zero_()
        return loss.item()

    def update(self):
        """AdamW with linear warm-up, sign-SGD on the puzzle table, then the EMA (updateWeights)."""
        for group in self.adamw.param_groups:
            group["lr"] = LR * min(self.step_count, WARMUP) / WARMUP
        self.adamw.step()
        table, grad = self.model.puzzles, self.model.puzzles.grad
        touched = (grad.abs().sum(1, keepdim=True) > 0).float()
        table.mul_(1 - PUZZLE_LR * PUZZLE_DECAY * touched).add_(grad.sign(), alpha=-PUZZLE_LR)
        for average, p in zip(self.ema, self.params):
            average.mul_(EMA_DECAY).add_(p, alpha=1 - EMA_DECAY)


class Evaluator:
    """BatchInference.run at a fixed N_sup: a batch through every supervision step without gradient, each step's
    answer (argmax) and halt probability copied to the host, as the Java side records them."""

    def __init__(self, model, batch, puzzles):
        self.model, self.batch = model, batch
        self.inputs = puzzles[0]
        self.cursor = 0

    def step(self):
        rows = [(self.cursor + i) % self.inputs.shape[0] for i in range(self.batch)]
        self.cursor = (self.cursor + self.batch) % self.inputs.shape[0]
        with torch.no_grad():
            x = self.model.embed(self.inputs[rows], torch.zeros(self.batch, dtype=torch.long))
            y, z = self.model.initial(self.batch)
            for _ in range(SUPERVISION_STEPS):
                y, z = self.model.supervision_step(y, z, x)
                logits, q_halt = self.model.readout(y)
                answers = logits.argmax(-1).numpy().copy()
                probabilities = torch.sigmoid(q_halt).numpy().copy()
        return 0.0   # no loss: the report's loss fields stay 0


def random_puzzles(count, generator):
    """Valid-vocabulary tokens (TrainBench.random): labels are digits, a third of the inputs show theirs."""
    labels = torch.randint(2, VOCAB, (count, CELLS), generator=generator)
    shown = torch.randint(0, 3, (count, CELLS), generator=generator) == 0
    return torch.where(shown, labels, torch.ones_like(labels)), labels


def matmul_gflops(sizes, repeats=5):
    """Best-of-repeats float32 n^3 matmul rate, after three warm-up multiplies (MatmulProbe)."""
    best = 0.0
    for n in sizes:
        a, b = torch.rand(n, n) * 2 - 1, torch.rand(n, n) * 2 - 1
        for _ in range(3):
            a @ b
        fastest = min(timed(lambda: a @ b) for _ in range(repeats))
        best = max(best, 2.0 * n ** 3 / fastest / 1e9)
    return best


def timed(f):
    t0 = time.perf_counter()
    f()
    return time.perf_counter() - t0


def vm_rss_mb():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def blas_library():
    """The BLAS this process mapped: Debian's torch uses whichever libblas.so.3 alternative is active."""
    try:
        with open("/proc/self/maps") as maps:
            libs = {line.split()[-1] for line in maps if "blas" in os.path.basename(line.split()[-1])}
        return ", ".join(sorted(os.path.realpath(p) for p in libs)) or "none mapped"
    except OSError:
        return "unknown"


def goes_on(done, min_steps, seconds, from_ns, now_ns):
    """TimingPlan.goesOn: a phase runs its steps, then on while its seconds last (at most MAX_TIMED_STEPS more)."""
    if done < min_steps:
        return True
    return done < min_steps + MAX_TIMED_STEPS and now_ns - from_ns < seconds * 1e9


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mixer", choices=["attention", "mlp"])
    ap.add_argument("--task", default="sudoku9", help="sudoku4, sudoku6 or sudoku9 (default sudoku9)")
    ap.add_argument("--hidden", type=int, default=128, help="width (default 128)")
    ap.add_argument("--latent-steps", type=int, default=6, help="n (default 6)")
    ap.add_argument("--recursions", type=int, default=3, help="T (default 3)")
    ap.add_argument("--count-params", nargs="+", metavar="TASK:HIDDEN:MIXER",
                    help="print each model's parameter count as one JSON line and exit (no step is run)")
    ap.add_argument("--steps", type=int, default=20, help="measured steps")
    ap.add_argument("--warmup", type=int, default=3, help="unmeasured steps before them")
    ap.add_argument("--warmup-seconds", type=float, default=0.0,
                    help="train unmeasured at least this long as well as --warmup steps (TimingPlan on the Java side)")
    ap.add_argument("--measure-seconds", type=float, default=0.0,
                    help="measure at least this long as well as --steps steps; each phase runs at most %d steps past"
                         " its count to fill its seconds" % MAX_TIMED_STEPS)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--threads", type=int, default=0, help="torch.set_num_threads; 0 keeps torch's default")
    ap.add_argument("--interop-threads", type=int, default=0,
                    help="torch.set_num_interop_threads; 0 keeps torch's default")
    ap.add_argument("--rss-at", type=int, default=100, help="read VmRSS after this many steps (warm-up included)")
    ap.add_argument("--no-matmul", action="store_true", help="skip the matmul ceiling (memory runs)")
    ap.add_argument("--forward", action="store_true",
                    help="time the evaluation's forward instead of a training step: each timed unit is one batch of"
                         " --batch puzzles through all N_sup supervision steps without gradient (BatchInference)")
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args()
    if a.count_params:
        try:
            print(json.dumps({"counts": count_parameters(a.count_params), "torch": torch.__version__}), flush=True)
        except ValueError as e:
            ap.error(str(e))
        return
    if a.mixer is None:
        ap.error("--mixer is required (or --count-params)")
    try:
        configure(a.task, a.hidden, a.latent_steps, a.recursions)
    except ValueError as e:
        ap.error(str(e))
    if (a.steps < 1 or a.warmup < 0 or a.warmup_seconds < 0 or a.measure_seconds < 0 or a.batch < 1 or a.threads < 0
            or a.interop_threads < 0 or a.rss_at < 1):
        ap.error("need steps >= 1, warmup >= 0, warmup-seconds >= 0, measure-seconds >= 0, batch >= 1, threads >= 0,"
                 " rss-at >= 1")
    if a.threads > 0:
        torch.set_num_threads(a.threads)
    if a.interop_threads > 0:
        torch.set_num_interop_threads(a.interop_threads)   # before any inter-op work, or torch refuses
    torch.manual_seed(a.seed)

    ceiling = 0.0 if a.no_matmul else matmul_gflops([512, 1024, 2048])
    model = TinyRecursiveModel(a.mixer)
    params = sum(p.numel() for p in model.trained())   # parameter_count's sum, on the model that is timed
    puzzles = random_puzzles(256, torch.Generator().manual_seed(a.seed))
    trainer = Evaluator(model, a.batch, puzzles) if a.forward else Trainer(model, a.batch, puzzles)
    times, losses, rss_at, rss_at_mb, peak_at_mb = [], [], 0, 0.0, 0.0
    measured_from = measured_to = 0   # CLOCK_MONOTONIC ns, like Java's System.nanoTime: perf's sample clock (-k)
    warm, warming, warm_from = 0, True, time.perf_counter_ns()
    while True:   # the phases of TimingPlan: each runs its steps and, past them, until its seconds are up
        t0 = time.perf_counter_ns()
        if warming and not goes_on(warm, a.warmup, a.warmup_seconds, warm_from, t0):
            warming, measured_from = False, t0
        if not warming and not goes_on(len(times), a.steps, a.measure_seconds, measured_from, t0):
            break
        losses.append(trainer.step())
        t1 = time.perf_counter_ns()
        if warming:
            warm += 1
        else:
            times.append((t1 - t0) / 1e6)
            measured_to = t1
        if len(losses) == a.rss_at:
            rss_at = len(losses)
            rss_at_mb = vm_rss_mb()
            peak_at_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024   # kB on Linux
        if len(losses) % 100 == 0:
            print(f"pytorch {a.mixer}: step {len(losses)}, VmRSS {vm_rss_mb():.0f} MB", file=sys.stderr, flush=True)
    if rss_at == 0:   # a run shorter than --rss-at reads it at its last step
        rss_at, rss_at_mb = len(losses), vm_rss_mb()
        peak_at_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    times.sort()
    report = {
        "side": "pytorch", "mixer": a.mixer.upper(), "batch": a.batch, "warmup": warm, "steps": len(times),
        "params": params, "medianMs": times[len(times) // 2],
        "minMs": times[0], "maxMs": times[-1], "firstLoss": losses[0], "lastLoss": losses[-1],
        "rssAtStep": rss_at, "rssAtMb": rss_at_mb, "peakAtMb": peak_at_mb, "finalRssMb": vm_rss_mb(),
        "peakRssMb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,   # kB on Linux
        "threads": torch.get_num_threads(), "matmulGflops": ceiling,
        "runtime": f"torch {torch.__version__}, python {sys.version.split()[0]}, BLAS {blas_library()}",
        "measuredFromNs": measured_from, "measuredToNs": measured_to,
    }
    print(json.dumps(report), flush=True)


if __name__ == "__main__":
    main()
