#!/usr/bin/python3
"""Runs one supervision step of `trm_step.py`'s PyTorch model on weights and a batch that the Java side wrote, and
writes its logits, halt logits, loss and gradients back, so that `train.ReferencePortTest` can compare the two.

The folder holds `case.json` and raw little-endian float64 / int64 arrays:
  case.json  {"model": "trm" | "hrm", "mixer": "attention" | "mlp", "hidden", "heads", "layers", "latentSteps",
              "recursions", "highCycles", "lowCycles", "prefix", "vocab", "cells", "expansion",
              "warmSteps", "arrays": {name: {"file", "dtype", "shape"}}}
  inputs     every named weight of the Java model (its names), "tokens", "labels" [B, cells] int64
  outputs    py.logits, py.halt, py.continue, py.loss, py.grad.<name> for every trained array and the puzzle table
It runs `warmSteps` supervision steps without gradient from the fixed initial carry, then one with gradient: the loss
is the trainer's, stable-max cross-entropy + 0.5 * BCE(halt logit, exactly right). Everything is float64, so the two
sides should agree to ~1e-10 unless a formula differs.

  /usr/bin/python3 bench/port_check.py FOLDER
"""
import json
import math
import os
import sys

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import trm_step as ref  # noqa: E402  the model under comparison; its sizes are module constants, set below


def configure(case):
    """trm_step.py reads its sizes from module constants at call time: point them at this case."""
    ref.HIDDEN, ref.HEADS, ref.EXPANSION, ref.LAYERS = case["hidden"], case["heads"], case["expansion"], case["layers"]
    ref.LATENT_STEPS, ref.RECURSIONS, ref.PREFIX = case["latentSteps"], case["recursions"], case["prefix"]
    ref.VOCAB, ref.CELLS = case["vocab"], case["cells"]


class Hrm(torch.nn.Module):
    """HRM on trm_step.py's blocks (HierarchicalReasoningModel): attention only, N high cycles of T low updates."""

    def __init__(self, case):
        super().__init__()
        seq_len = ref.PREFIX + ref.CELLS
        rope = ref.Rotary(seq_len, ref.HIDDEN // ref.HEADS)
        self.high_cycles, self.low_cycles = case["highCycles"], case["lowCycles"]
        self.tokens = torch.nn.Parameter(torch.zeros(ref.VOCAB, ref.HIDDEN))
        self.puzzles = torch.nn.Parameter(torch.zeros(1, ref.HIDDEN))
        self.high = torch.nn.ModuleList(ref.Block("attention", seq_len, rope) for _ in range(case["highLayers"]))
        self.low = torch.nn.ModuleList(ref.Block("attention", seq_len, rope) for _ in range(case["lowLayers"]))
        self.answer = torch.nn.Parameter(torch.zeros(ref.VOCAB, ref.HIDDEN))
        self.halt_weight = torch.nn.Parameter(torch.zeros(2, ref.HIDDEN))
        self.halt_bias = torch.nn.Parameter(torch.zeros(2))
        self.register_buffer("init_answer", torch.zeros(ref.HIDDEN))
        self.register_buffer("init_reasoning", torch.zeros(ref.HIDDEN))

    embed, readout, initial = (ref.TinyRecursiveModel.embed, ref.TinyRecursiveModel.readout,
                               ref.TinyRecursiveModel.initial)

    @staticmethod
    def run(blocks, h):
        for block in blocks:
            h = block(h)
        return h

    def supervision_step(self, z_h, z_l, x):
        with torch.no_grad():
            for h in range(self.high_cycles):
                for l in range(self.low_cycles):
                    if h == self.high_cycles - 1 and l == self.low_cycles - 1:
                        continue
                    z_l = self.run(self.low, z_l + z_h + x)
                if h < self.high_cycles - 1:
                    z_h = self.run(self.high, z_h + z_l)
        z_l = self.run(self.low, z_l + z_h + x)
        return self.run(self.high, z_h + z_l), z_l


def java_names(model, case):
    """Java weight name -> this model's tensor."""
    names = {"embed.tokens": model.tokens, "embed.puzzle": model.puzzles, "head.answer": model.answer,
             "head.halt.weight": model.halt_weight, "head.halt.bias": model.halt_bias,
             "init.answer": model.init_answer, "init.reasoning": model.init_reasoning}
    nets = [("net", model.blocks)] if case["model"] == "trm" else [("high", model.high), ("low", model.low)]
    for prefix, blocks in nets:
        for i, block in enumerate(blocks):
            b = f"{prefix}.{i}"
            names[f"{b}.mlp.gate_up"], names[f"{b}.mlp.down"] = block.mlp.gate_up, block.mlp.down
            if isinstance(block.mixer, ref.AttentionMixer):
                names[f"{b}.attention.qkv"], names[f"{b}.attention.out"] = block.mixer.qkv, block.mixer.out
            else:
                names[f"{b}.mixer.tokens.gate_up"] = block.mixer.tokens.gate_up
                names[f"{b}.mixer.tokens.down"] = block.mixer.tokens.down
    return names


def read(folder, entry):
    dtype = {"float64": "<f8", "int64": "<i8"}[entry["dtype"]]
    return torch.from_numpy(np.fromfile(os.path.join(folder, entry["file"]), dtype=dtype).reshape(entry["shape"]))


def write(folder, name, tensor):
    tensor.detach().to(torch.float64).contiguous().numpy().astype("<f8").tofile(os.path.join(folder, name + ".bin"))


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    folder = sys.argv[1]
    with open(os.path.join(folder, "case.json")) as f:
        case = json.load(f)
    torch.set_default_dtype(torch.float64)   # both sides in float64: a real difference stands out from rounding
    configure(case)
    model = ref.TinyRecursiveModel(case["mixer"]) if case["model"] == "trm" else Hrm(case)
    names = java_names(model, case)
    arrays = case["arrays"]
    missing = sorted(set(names) ^ (set(arrays) - {"tokens", "labels"}))
    if missing:
        sys.exit(f"{folder}/case.json: names on one side only: {missing}")
    with torch.no_grad():
        for name, tensor in names.items():
            value = read(folder, arrays[name])
            if tuple(value.shape) != tuple(tensor.shape):
                sys.exit(f"{folder}/case.json: '{name}' has shape {list(value.shape)}, the model needs "
                         f"{list(tensor.shape)}")
            tensor.copy_(value)
    tokens, labels = read(folder, arrays["tokens"]), read(folder, arrays["labels"])
    batch = tokens.shape[0]
    puzzle_ids = torch.zeros(batch, dtype=torch.long)

    y, z = model.initial(batch)
    with torch.no_grad():
        for _ in range(case["warmSteps"]):
            y, z = model.supervision_step(y, z, model.embed(tokens, puzzle_ids))
    x = model.embed(tokens, puzzle_ids)
    y, z = model.supervision_step(y, z, x)
    logits, q_halt = model.readout(y)
    q_continue = F.linear(y[:, 0], model.halt_weight, model.halt_bias)[:, 1]
    answer = ref.stablemax_cross_entropy(logits, labels)
    # exactly_right gives float32; in float32 the halt loss would round at 1e-8, so match the logit's type
    halt = F.binary_cross_entropy_with_logits(q_halt, ref.exactly_right(logits.detach(), labels).to(q_halt.dtype))
    loss = answer + ref.HALT_WEIGHT * halt
    if not math.isfinite(loss.item()):
        sys.exit(f"loss is {loss.item()}")
    loss.backward()
    write(folder, "py.logits", logits)
    write(folder, "py.halt", q_halt)
    write(folder, "py.continue", q_continue)
    write(folder, "py.loss", loss.reshape(1))
    for name, tensor in names.items():
        if tensor.requires_grad:
            write(folder, "py.grad." + name, tensor.grad)
    print(json.dumps({"loss": loss.item(), "torch": torch.__version__}))


if __name__ == "__main__":
    main()
