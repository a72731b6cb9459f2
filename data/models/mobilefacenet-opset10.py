#!/usr/bin/env python3
"""mobilefacenet-opset10.py IN OUT: make foamliu's MobileFaceNet load in OpenCV 4.6.

OpenCV 4.6 rejects the upstream file with "Clip ... input_size() == 1": it
only knows the opset-10 form of Clip, where min and max are attributes.  The
rewrite keeps the graph and the weights and changes only what 4.6 trips on:

1. Clip(x, min, max) with constant min/max becomes Clip(x) with attributes.
2. Reshape loses its allowzero attribute (allowzero=0 is the default).
3. The opset becomes 10, Constants nothing reads any more are removed, and
   the batch dimension of the inputs and outputs is fixed at 1.

It needs nothing but Python's standard library, so it also runs inside the
GNOME SDK when the Flatpak is built: it reads and writes the protobuf wire
format itself.  The messages it changes are written the way protobuf
writes them (fields in number order), everything else is copied byte for
byte, so the result is the file onnx.save() writes for the same changes.
fetch-models.sh checks its sha256 against the manifest, so any change here
must keep the output byte-identical.
"""
import struct
import sys

TARGET_OPSET = 10

VARINT, FIXED64, LEN, FIXED32 = 0, 1, 2, 5

# Field numbers from onnx.proto.
MODEL_OPSET_IMPORT, MODEL_GRAPH = 8, 7
OPSET_DOMAIN, OPSET_VERSION = 1, 2
GRAPH_NODE, GRAPH_INITIALIZER, GRAPH_INPUT, GRAPH_OUTPUT = 1, 5, 11, 12
NODE_INPUT, NODE_OUTPUT, NODE_NAME, NODE_OP_TYPE, NODE_ATTRIBUTE = 1, 2, 3, 4, 5
ATTR_NAME, ATTR_F, ATTR_T, ATTR_TYPE = 1, 2, 5, 20
ATTR_TYPE_FLOAT = 1
TENSOR_DIMS, TENSOR_DATA_TYPE, TENSOR_FLOAT_DATA, TENSOR_NAME, TENSOR_RAW_DATA = 1, 2, 4, 8, 9
TENSOR_FLOAT = 1
VALUE_INFO_NAME, VALUE_INFO_TYPE = 1, 2
TYPE_TENSOR, TENSOR_TYPE_SHAPE, SHAPE_DIM, DIM_VALUE, DIM_PARAM = 1, 2, 1, 1, 2


class ModelError(Exception):
    pass


def read_varint(data, pos):
    value, shift = 0, 0
    while True:
        if pos >= len(data) or shift > 63:
            raise ModelError("truncated or overlong varint")
        byte = data[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return value, pos


def write_varint(value):
    out = bytearray()
    value &= (1 << 64) - 1
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def parse(data):
    """A message as a list of [number, wire type, payload]: an int for
    varints, the raw bytes for everything else."""
    fields, pos = [], 0
    while pos < len(data):
        key, pos = read_varint(data, pos)
        number, wire = key >> 3, key & 7
        if wire == VARINT:
            payload, pos = read_varint(data, pos)
        elif wire == LEN:
            size, pos = read_varint(data, pos)
            payload, pos = data[pos:pos + size], pos + size
            if len(payload) != size:
                raise ModelError("truncated field")
        elif wire in (FIXED64, FIXED32):
            size = 8 if wire == FIXED64 else 4
            payload, pos = data[pos:pos + size], pos + size
            if len(payload) != size:
                raise ModelError("truncated field")
        else:
            raise ModelError(f"unsupported wire type {wire}")
        fields.append([number, wire, payload])
    return fields


def packed_varints(data):
    values, pos = [], 0
    while pos < len(data):
        value, pos = read_varint(data, pos)
        values.append(value)
    return values


def serialize(fields):
    """Fields in number order (repeated ones keep theirs), as protobuf
    writes a message."""
    out = bytearray()
    for number, wire, payload in sorted(fields, key=lambda field: field[0]):
        out += write_varint(number << 3 | wire)
        if wire == VARINT:
            out += write_varint(payload)
        elif wire == LEN:
            out += write_varint(len(payload)) + payload
        else:
            out += payload
    return bytes(out)


def values_of(fields, number):
    return [payload for field_number, _, payload in fields if field_number == number]


def string_of(fields, number):
    found = values_of(fields, number)
    return found[-1].decode() if found else ""


def replace(fields, number, payloads, wire=LEN):
    kept = [field for field in fields if field[0] != number]
    return kept + [[number, wire, payload] for payload in payloads]


def scalar_float(tensor):
    """The one float of a TensorProto, or None."""
    if values_of(tensor, TENSOR_DATA_TYPE) != [TENSOR_FLOAT]:
        return None
    size = 1
    for wire, dims in ((wire, payload) for number, wire, payload in tensor if number == TENSOR_DIMS):
        for dim in (packed_varints(dims) if wire == LEN else [dims]):
            size *= dim
    raw = values_of(tensor, TENSOR_RAW_DATA)
    if raw and size == 1 and len(raw[-1]) == 4:
        return struct.unpack("<f", raw[-1])[0]
    packed = [field for field in tensor if field[0] == TENSOR_FLOAT_DATA]
    if size == 1 and len(packed) == 1 and len(packed[0][2]) == 4:
        return struct.unpack("<f", packed[0][2])[0]
    return None


def constant_values(graph, nodes):
    """Name -> float of every scalar Constant output and initializer."""
    values = {}
    for payload in values_of(graph, GRAPH_INITIALIZER):
        tensor = parse(payload)
        values[string_of(tensor, TENSOR_NAME)] = scalar_float(tensor)
    for node in nodes:
        if string_of(node, NODE_OP_TYPE) != "Constant":
            continue
        for attribute in map(parse, values_of(node, NODE_ATTRIBUTE)):
            if string_of(attribute, ATTR_NAME) == "value":
                outputs = values_of(node, NODE_OUTPUT)
                values[outputs[0].decode()] = scalar_float(parse(values_of(attribute, ATTR_T)[-1]))
    return values


def float_attribute(name, value):
    return serialize([[ATTR_NAME, LEN, name.encode()],
                      [ATTR_F, FIXED32, struct.pack("<f", value)],
                      [ATTR_TYPE, VARINT, ATTR_TYPE_FLOAT]])


def clip_with_attributes(node, values):
    inputs = [name.decode() for name in values_of(node, NODE_INPUT)]
    name = string_of(node, NODE_NAME)
    bounds = {}
    for key, index in (("min", 1), ("max", 2)):
        if len(inputs) > index and inputs[index]:
            if values.get(inputs[index]) is None:
                raise ModelError(f"{name}: bound {inputs[index]} is not a constant scalar")
            bounds[key] = values[inputs[index]]
    clip = [[NODE_INPUT, LEN, inputs[0].encode()]]
    clip += [[NODE_OUTPUT, LEN, output] for output in values_of(node, NODE_OUTPUT)]
    if name:
        clip.append([NODE_NAME, LEN, name.encode()])
    clip.append([NODE_OP_TYPE, LEN, b"Clip"])
    # onnx.helper.make_node adds attributes sorted by name.
    clip += [[NODE_ATTRIBUTE, LEN, float_attribute(key, bounds[key])] for key in sorted(bounds)]
    return clip


def without_allowzero(node):
    kept = [payload for payload in values_of(node, NODE_ATTRIBUTE)
            if string_of(parse(payload), ATTR_NAME) != "allowzero"]
    return replace(node, NODE_ATTRIBUTE, kept)


def rewrite_nodes(graph):
    nodes = [parse(payload) for payload in values_of(graph, GRAPH_NODE)]
    values = constant_values(graph, nodes)
    for index, node in enumerate(nodes):
        op_type = string_of(node, NODE_OP_TYPE)
        if op_type == "Clip" and len(values_of(node, NODE_INPUT)) > 1:
            nodes[index] = clip_with_attributes(node, values)
        elif op_type == "Reshape":
            nodes[index] = without_allowzero(node)
    return nodes


def drop_unused_constants(graph, nodes):
    used = {name for node in nodes for name in values_of(node, NODE_INPUT)}
    used |= {values_of(parse(output), VALUE_INFO_NAME)[-1] for output in values_of(graph, GRAPH_OUTPUT)}
    return [node for node in nodes
            if string_of(node, NODE_OP_TYPE) != "Constant"
            or any(output in used for output in values_of(node, NODE_OUTPUT))]


def rewrite_path(fields, path, change):
    """@change applied to the first field @path leads to (one field number
    per nesting level)."""
    number = path[0]
    for field in fields:
        if field[0] == number:
            inner = parse(field[2])
            field[2] = serialize(change(inner) if len(path) == 1 else rewrite_path(inner, path[1:], change))
            break
    return fields


def fixed_batch(shape):
    dims = [field for field in shape if field[0] == SHAPE_DIM]
    if dims:
        first = parse(dims[0][2])
        if not values_of(first, DIM_VALUE):
            first = replace(first, DIM_PARAM, []) + [[DIM_VALUE, VARINT, 1]]
            dims[0][2] = serialize(first)
    return shape


def fix_batch(value_info):
    return rewrite_path(value_info, [VALUE_INFO_TYPE, TYPE_TENSOR, TENSOR_TYPE_SHAPE], fixed_batch)


def rewrite_graph(graph):
    nodes = drop_unused_constants(graph, rewrite_nodes(graph))
    graph = replace(graph, GRAPH_NODE, [serialize(node) for node in nodes])
    for number in (GRAPH_INPUT, GRAPH_OUTPUT):
        graph = replace(graph, number, [serialize(fix_batch(parse(payload)))
                                        for payload in values_of(graph, number)])
    return graph


def with_target_opset(opset):
    if string_of(opset, OPSET_DOMAIN) in ("", "ai.onnx"):
        opset = replace(opset, OPSET_VERSION, [TARGET_OPSET], VARINT)
    return opset


def rewrite_model(data):
    model = parse(data)
    if not values_of(model, MODEL_GRAPH):
        raise ModelError("no graph: this is not an ONNX model")
    model = rewrite_path(model, [MODEL_GRAPH], rewrite_graph)
    return serialize(replace(model, MODEL_OPSET_IMPORT,
                             [serialize(with_target_opset(parse(payload)))
                              for payload in values_of(model, MODEL_OPSET_IMPORT)]))


def main(argv):
    if len(argv) != 3:
        sys.exit("usage: mobilefacenet-opset10.py IN OUT")
    with open(argv[1], "rb") as source:
        data = source.read()
    try:
        rewritten = rewrite_model(data)
    except (ModelError, UnicodeDecodeError, struct.error) as error:
        sys.exit(f"mobilefacenet-opset10: {argv[1]} is not a readable ONNX model ({error})")
    with open(argv[2], "wb") as out:
        out.write(rewritten)


if __name__ == "__main__":
    main(sys.argv)
