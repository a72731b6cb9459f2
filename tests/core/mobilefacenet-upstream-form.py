#!/usr/bin/env python3
"""mobilefacenet-upstream-form.py OPSET10 OUT: undo the OpenCV 4.6 rewrite.

The upstream MobileFaceNet file cannot be downloaded in the tests (no
network), so this writes a file in its form from the mirrored, rewritten
one, with python3-onnx: every Clip gets its bounds back as Constant
inputs, Reshape gets allowzero=0, the batch dimension becomes symbolic,
the opset is raised to 14 (the first with allowzero) and one Constant
nothing reads is added.  data/models/mobilefacenet-opset10.py must turn
it back into the mirrored file byte for byte.
"""
import sys

import onnx
from onnx import TensorProto, helper


def bounds_as_inputs(graph):
    nodes = []
    for index, node in enumerate(graph.node):
        if node.op_type == "Clip" and len(node.input) == 1:
            inputs = [node.input[0]]
            for key in ("min", "max"):
                value = next(attr.f for attr in node.attribute if attr.name == key)
                name = f"clip_{index}_{key}"
                nodes.append(helper.make_node("Constant", [], [name], name=name,
                                              value=helper.make_tensor(name, TensorProto.FLOAT, [], [value])))
                inputs.append(name)
            node = helper.make_node("Clip", inputs, list(node.output), name=node.name)
        elif node.op_type == "Reshape":
            node.attribute.append(helper.make_attribute("allowzero", 0))
        nodes.append(node)
    nodes.insert(0, helper.make_node("Constant", [], ["unused"], name="unused",
                                     value=helper.make_tensor("unused", TensorProto.INT64, [1], [7])))
    del graph.node[:]
    graph.node.extend(nodes)


def symbolic_batch(values):
    for value in values:
        value.type.tensor_type.shape.dim[0].dim_param = "batch"


def main(argv):
    model = onnx.load(argv[1])
    bounds_as_inputs(model.graph)
    symbolic_batch(model.graph.input)
    symbolic_batch(model.graph.output)
    for opset in model.opset_import:
        if opset.domain in ("", "ai.onnx"):
            opset.version = 14
    onnx.checker.check_model(model)
    onnx.save(model, argv[2])


if __name__ == "__main__":
    main(sys.argv)
