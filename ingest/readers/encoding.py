"""Bytes to text the way browsers do it, so no valid page is rejected for its encoding.

Order: a byte-order mark; then what the input declares (the HTTP charset, a page's
``<meta charset>`` or ``http-equiv`` content type, an XML declaration); then UTF-8; then a
guess by charset-normalizer. A guess is reported (`Decoded.guessed`) so the ingest
summary can say which encoding was chosen: text is never silently decoded as something
it may not be. A declared encoding that does not decode the bytes is passed over.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_META = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']""", re.I)


class UndecodableError(ValueError):
    """The bytes are not text in any encoding we could find."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    guessed: bool  # no BOM, no working declaration, not UTF-8: charset-normalizer chose


def declared_in(data: bytes) -> list[str]:
    """Encodings the document itself declares (XML declaration, <meta> tags)."""
    head = data[:4096]
    found = [m.group(1) for m in (_XML.search(head),) if m] + [m.group(1) for m in _META.finditer(head)]
    return [f.decode("ascii", "ignore").lower() for f in found]


def decode_bytes(data: bytes, header_charset: str | None = None) -> Decoded:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return Decoded(data.decode(enc, errors="replace"), enc.replace("-sig", ""), False)
    for enc in [e for e in [header_charset or "", *declared_in(data)] if e]:
        try:
            return Decoded(data.decode(enc), codecs.lookup(enc).name, False)
        except (LookupError, UnicodeDecodeError):
            continue
    try:
        return Decoded(data.decode("utf-8"), "utf-8", False)
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise UndecodableError("not text in any encoding newsqa could find")
    return Decoded(str(best), str(best.encoding), True)
