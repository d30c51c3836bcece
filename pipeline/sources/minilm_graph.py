"""all-MiniLM-L6-v2 as a float32 ONNX graph, written from its safetensors weights.

The int8 ONNX file we install runs slower here than float32 (dynamic quantization of every
activation costs more than int8 GEMMs save on these cores: 124 against 165 chunks/s, see
docs/scaling.md). No float32 ONNX file ships on PyPI, and torch is not a runtime dependency,
so the BERT encoder is written out node by node with ``onnx.helper``: the same operators a
HuggingFace export produces, which ONNX Runtime fuses (LayerNorm, Gelu, attention) when it
loads the graph. Deterministic: the same weights give the same bytes.
"""

from __future__ import annotations

import json
import logging
import math
import struct
from pathlib import Path

import numpy as np

HIDDEN, HEADS, LAYERS = 384, 12, 6
EPS = 1e-12
OPSET = 17


def read_safetensors(path: Path) -> dict[str, np.ndarray]:
    """The safetensors layout: an 8-byte header length, a JSON header, then raw tensors."""
    data = Path(path).read_bytes()
    (size,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8 : 8 + size])
    dtypes = {"F32": np.float32, "I64": np.int64}
    out = {}
    for name, meta in header.items():
        if name == "__metadata__":
            continue
        start, end = meta["data_offsets"]
        raw = data[8 + size + start : 8 + size + end]
        out[name] = np.frombuffer(raw, dtype=dtypes[meta["dtype"]]).reshape(meta["shape"])
    return out


def build_graph(weights: dict[str, np.ndarray]):  # noqa: ANN201 (an onnx.ModelProto)
    """The encoder: inputs input_ids, attention_mask, token_type_ids ([batch, tokens], int64);
    output last_hidden_state ([batch, tokens, 384], float32)."""
    from onnx import TensorProto, helper, numpy_helper  # ONNX, only to write the graph

    nodes: list = []
    inits: dict[str, np.ndarray] = {}

    def const(name: str, value: np.ndarray) -> str:
        inits[name] = np.ascontiguousarray(value)
        return name

    def node(op: str, inputs: list[str], name: str, **attrs: object) -> str:
        nodes.append(helper.make_node(op, inputs, [name], name=f"n_{name}", **attrs))
        return name

    def linear(x: str, prefix: str, out: str) -> str:
        w = const(f"{prefix}.weight_t", weights[f"{prefix}.weight"].T.astype(np.float32))
        b = const(f"{prefix}.bias", weights[f"{prefix}.bias"].astype(np.float32))
        return node("Add", [node("MatMul", [x, w], f"{out}_mm"), b], out)

    def layer_norm(x: str, prefix: str, out: str) -> str:
        scale = const(f"{prefix}.weight", weights[f"{prefix}.weight"].astype(np.float32))
        bias = const(f"{prefix}.bias", weights[f"{prefix}.bias"].astype(np.float32))
        return node("LayerNormalization", [x, scale, bias], out, axis=-1, epsilon=EPS)

    # Embeddings: word + position (0..tokens-1) + token type, then LayerNorm.
    e = "embeddings"
    word = const(f"{e}.word", weights[f"{e}.word_embeddings.weight"].astype(np.float32))
    pos = const(f"{e}.position", weights[f"{e}.position_embeddings.weight"].astype(np.float32))
    typ = const(f"{e}.type", weights[f"{e}.token_type_embeddings.weight"].astype(np.float32))
    # The first `tokens` rows of the position table (1-D starts and ends, as Slice wants).
    const("start0", np.array([0], dtype=np.int64))
    const("axis0", np.array([0], dtype=np.int64))
    const("dim1", np.array([1], dtype=np.int64))
    const("dim2", np.array([2], dtype=np.int64))
    shape = node("Shape", ["input_ids"], "ids_shape")
    tokens = node("Slice", [shape, "dim1", "dim2"], "tokens")
    pos_vecs = node("Slice", [pos, "start0", tokens, "axis0"], "pos_vecs")
    x = node(
        "Add",
        [
            node(
                "Add",
                [
                    node("Gather", [word, "input_ids"], "word_vecs", axis=0),
                    pos_vecs,
                ],
                "word_pos",
            ),
            node("Gather", [typ, "token_type_ids"], "type_vecs", axis=0),
        ],
        "emb_sum",
    )
    x = layer_norm(x, f"{e}.LayerNorm", "emb")

    # Additive attention mask [batch, 1, 1, tokens]: 0 where attended, -1e4 on padding.
    mask = node("Cast", ["attention_mask"], "mask_f", to=TensorProto.FLOAT)
    const("one_f", np.array(1.0, dtype=np.float32))
    const("neg", np.array(-10000.0, dtype=np.float32))
    const("mask_axes", np.array([1, 2], dtype=np.int64))
    inverted = node("Sub", ["one_f", mask], "mask_inv")
    bias = node("Unsqueeze", [node("Mul", [inverted, "neg"], "mask_neg"), "mask_axes"], "bias")

    d = HIDDEN // HEADS
    const("split_heads", np.array([0, 0, HEADS, d], dtype=np.int64))
    const("merge_heads", np.array([0, 0, HIDDEN], dtype=np.int64))
    const("scale", np.array(1.0 / math.sqrt(d), dtype=np.float32))
    const("sqrt2", np.array(math.sqrt(2.0), dtype=np.float32))
    const("half", np.array(0.5, dtype=np.float32))

    for i in range(LAYERS):
        p = f"encoder.layer.{i}"

        def heads(name: str, y: str, perm: list[int], i: int = i) -> str:
            return node(
                "Transpose",
                [node("Reshape", [y, "split_heads"], f"l{i}_{name}_split")],
                f"l{i}_{name}_heads",
                perm=perm,
            )

        q = heads("q", linear(x, f"{p}.attention.self.query", f"l{i}_q"), [0, 2, 1, 3])
        k = heads("k", linear(x, f"{p}.attention.self.key", f"l{i}_k"), [0, 2, 3, 1])
        v = heads("v", linear(x, f"{p}.attention.self.value", f"l{i}_v"), [0, 2, 1, 3])
        scores = node("Mul", [node("MatMul", [q, k], f"l{i}_qk"), "scale"], f"l{i}_scaled")
        probs = node("Softmax", [node("Add", [scores, bias], f"l{i}_masked")], f"l{i}_p", axis=-1)
        ctx = node("MatMul", [probs, v], f"l{i}_ctx")
        ctx = node(
            "Reshape",
            [node("Transpose", [ctx], f"l{i}_ctx_t", perm=[0, 2, 1, 3]), "merge_heads"],
            f"l{i}_ctx_m",
        )
        att = linear(ctx, f"{p}.attention.output.dense", f"l{i}_att")
        x = layer_norm(
            node("Add", [att, x], f"l{i}_res1"), f"{p}.attention.output.LayerNorm", f"l{i}_ln1"
        )
        inner = linear(x, f"{p}.intermediate.dense", f"l{i}_inner")
        # Exact GELU, as BERT's: 0.5 * x * (1 + erf(x / sqrt(2))).
        erf = node("Erf", [node("Div", [inner, "sqrt2"], f"l{i}_gelu_div")], f"l{i}_gelu_erf")
        gelu = node(
            "Mul",
            [
                node("Mul", [inner, "half"], f"l{i}_gelu_half"),
                node("Add", [erf, "one_f"], f"l{i}_gelu_1p"),
            ],
            f"l{i}_gelu",
        )
        out = linear(gelu, f"{p}.output.dense", f"l{i}_out")
        last = "last_hidden_state" if i == LAYERS - 1 else f"l{i}_ln2"
        x = layer_norm(node("Add", [out, x], f"l{i}_res2"), f"{p}.output.LayerNorm", last)

    dims = ["batch", "tokens"]
    graph = helper.make_graph(
        nodes,
        "all-MiniLM-L6-v2",
        [
            helper.make_tensor_value_info(n, TensorProto.INT64, dims)
            for n in ("input_ids", "attention_mask", "token_type_ids")
        ],
        [helper.make_tensor_value_info("last_hidden_state", TensorProto.FLOAT, [*dims, HIDDEN])],
        [numpy_helper.from_array(v, k) for k, v in inits.items()],
    )
    model = helper.make_model(
        graph, opset_imports=[helper.make_opsetid("", OPSET)], producer_name="necessity"
    )
    model.ir_version = 8
    return model


def write_fp32_onnx(safetensors: Path, target: Path) -> Path:
    """Write the graph to ``target`` atomically (a crash leaves no half file)."""
    import onnx  # ONNX, only when the graph is written (once per machine)

    model = build_graph(read_safetensors(safetensors))
    onnx.checker.check_model(model)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".partial")
    tmp.write_bytes(model.SerializeToString())
    tmp.replace(target)
    return target


def write_q8_onnx(fp32: Path, target: Path) -> Path:
    """The float32 graph with every weight MatMul (and the word-piece table) in int8, one
    scale per output channel; activations are quantized per call. The attention products
    (activation by activation) stay float32. Deterministic: the same bytes every time."""
    from onnxruntime.quantization import QuantType, quantize_dynamic  # ONNX, once

    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".partial")
    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.ERROR)  # its advice to pre-process the graph is for image models
    try:
        quantize_dynamic(
            fp32,
            tmp,
            weight_type=QuantType.QInt8,
            per_channel=True,
            extra_options={"MatMulConstBOnly": True},
        )
    finally:
        root.setLevel(level)
    tmp.replace(target)
    return target
