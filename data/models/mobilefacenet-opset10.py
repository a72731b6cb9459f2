#!/usr/bin/env python3
"""mobilefacenet-opset10.py IN OUT: make foamliu's MobileFaceNet load in OpenCV 4.6.

OpenCV 4.6 rejects the upstream file with "Clip ... input_size() == 1": it
only knows the opset-10 form of Clip, where min and max are attributes.  The
rewrite keeps the graph and the weights and changes only what 4.6 trips on:

1. Clip(x, min, max) with constant min/max becomes Clip(x) with attributes.
2. Reshape loses its allowzero attribute (allowzero=0 is the default).
3. The opset becomes 10, Constants nothing reads any more are removed, and
   the batch dimension of the inputs and outputs is fixed at 1.

fetch-models.sh checks the sha256 of the result against the manifest, so
any change here must keep the output byte-identical.
"""
import sys

import onnx
from onnx import helper, numpy_helper

TARGET_OPSET = 10


def constant_values(graph):
    """Name -> numpy value of every Constant node output and initializer."""
    values = {init.name: numpy_helper.to_array(init) for init in graph.initializer}
    for node in graph.node:
        if node.op_type == "Constant":
            for attr in node.attribute:
                if attr.name == "value":
                    values[node.output[0]] = numpy_helper.to_array(attr.t)
    return values


def scalar(values, name, node):
    if name not in values:
        sys.exit(f"mobilefacenet-opset10: {node.name}: bound {name} is not a constant")
    value = values[name]
    if value.size != 1:
        sys.exit(f"mobilefacenet-opset10: {node.name}: bound {name} is not a scalar")
    return float(value.reshape(-1)[0])


def clip_with_attributes(node, values):
    bounds = {}
    if len(node.input) > 1 and node.input[1]:
        bounds["min"] = scalar(values, node.input[1], node)
    if len(node.input) > 2 and node.input[2]:
        bounds["max"] = scalar(values, node.input[2], node)
    return helper.make_node("Clip", [node.input[0]], list(node.output), name=node.name, **bounds)


def rewrite_nodes(graph):
    values = constant_values(graph)
    for index, node in enumerate(graph.node):
        if node.op_type == "Clip" and len(node.input) > 1:
            graph.node[index].CopyFrom(clip_with_attributes(node, values))
        elif node.op_type == "Reshape":
            kept = [attr for attr in node.attribute if attr.name != "allowzero"]
            del node.attribute[:]
            node.attribute.extend(kept)


def used_names(graph):
    used = {name for node in graph.node for name in node.input}
    return used | {output.name for output in graph.output}


def drop_unused_constants(graph):
    used = used_names(graph)
    kept = [node for node in graph.node
            if node.op_type != "Constant" or any(out in used for out in node.output)]
    del graph.node[:]
    graph.node.extend(kept)


def fix_batch(values):
    for value in values:
        dims = value.type.tensor_type.shape.dim
        if len(dims) > 0 and not dims[0].HasField("dim_value"):
            dims[0].dim_value = 1


def main(argv):
    if len(argv) != 3:
        sys.exit("usage: mobilefacenet-opset10.py IN OUT")
    model = onnx.load(argv[1])
    rewrite_nodes(model.graph)
    drop_unused_constants(model.graph)
    fix_batch(model.graph.input)
    fix_batch(model.graph.output)
    for opset in model.opset_import:
        if opset.domain in ("", "ai.onnx"):
            opset.version = TARGET_OPSET
    onnx.checker.check_model(model)
    onnx.save(model, argv[2])


if __name__ == "__main__":
    main(sys.argv)
