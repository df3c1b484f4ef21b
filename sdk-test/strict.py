"""A stricter reading of the SDK's models than the SDK itself does.

The SDK's typed calls deserialize leniently: a required member that is missing becomes
None, and a value of the wrong JSON type is kept as it came (an integer field may hold a
string). Only some shapes crash it (see the notes, section 4.2). `problems` walks a
deserialized model and lists what the SDK let through quietly: required members that are
missing or null, and values whose type is not the declared one.

Some of the SDK's declarations disagree with real clusters; `TOLERATED` names those, each
with the evidence, and `problems` leaves them out.
"""

import uuid

from solidfire.common.model import DataObject

# The JSON types that may stand for a declared Python type (an integer is a fine float).
ACCEPTED = {
    int: (int,),
    float: (int, float),
    str: (str,),
    bool: (bool,),
    dict: (dict,),
    uuid.UUID: (uuid.UUID,),
}

# "Model.member" -> why a real cluster's reply disagrees with the SDK's declaration there.
TOLERATED = {
    "GetAPIResult.currentVersion": "real clusters send a string such as \"12.0\" (notes 2.1)",
    "GetAPIResult.supportedVersions": "real clusters send strings (notes 2.1)",
}


def problems(value, where="result"):
    """Every divergence from the declared model inside `value`, as text, less TOLERATED."""
    return [text for key, text in _walk(value, where) if key not in TOLERATED]


def _walk(value, where):
    if not isinstance(value, DataObject):
        return
    model = type(value).__name__
    for name, prop in sorted(value.get_properties().items()):
        member = getattr(value, name, None)
        key = f"{model}.{prop.member_name()}"
        here = f"{where}.{prop.member_name()}"
        if member is None:
            if not prop.optional():
                yield key, f"{here} ({key}): required, but missing or null"
            continue
        if not prop.array():
            yield from _item(prop.member_type(), member, key, here)
        elif not isinstance(member, list):
            yield key, f"{here} ({key}): declared an array, got {type(member).__name__}"
        else:
            for index, item in enumerate(member):
                yield from _item(prop.member_type(), item, key, f"{here}[{index}]")


def _item(declared, item, key, where):
    if isinstance(declared, type) and issubclass(declared, DataObject):
        yield from _walk(item, where)
        return
    accepted = ACCEPTED.get(declared)
    if accepted is None:
        return
    # bool is an int in Python, but not in JSON.
    wrong_bool = isinstance(item, bool) and declared is not bool
    if wrong_bool or not isinstance(item, accepted):
        got = "a boolean" if wrong_bool else f"{type(item).__name__} {item!r}"
        yield key, f"{where} ({key}): declared {declared.__name__}, got {got}"
