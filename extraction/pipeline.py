"""One report in, one Extraction out: the named steps, in the order they run.

Each step reads what the steps before it put on the Document and adds its own hits
(fazhi.extraction.steps); none of them reads the file. The list is data, so `fazhi bench`
times every step by name and a test can run a prefix of it.
"""

from __future__ import annotations

from collections.abc import Callable

from fazhi.extraction import steps
from fazhi.extraction.document import Document
from fazhi.loaders.base import LoadedText
from fazhi.model import Extraction

Step = Callable[[Document], None]

STEPS: tuple[tuple[str, Step], ...] = (
    ("linebreaks", steps.linebreaks),  # line breaks inside names deleted
    ("structure", steps.structure),  # sections and sentences
    ("layout", steps.layout),        # lines, title, signature blocks
    ("regions", steps.regions),      # region mentions in the context of the title/signature region
    ("agencies", steps.agencies),    # agency mentions qualified by that region
    ("issuer", steps.issuer),        # the issuing agency; 我局 and its abbreviations become it
    ("report", steps.report),        # title, region, year, doc_type, 文号, date
    ("laws", steps.laws),            # cited titles resolved to documents
    ("measures", steps.measures),    # catalogue and discovered measures outside cited titles
    ("entities", steps.entities),    # hits grouped into entities: the Extraction
    ("relations", steps.relations),  # ISSUED, CITES, MENTIONS, IMPLEMENTS, …
    ("aliases", steps.aliases),      # the user's renames, last
)


def extract(loaded: LoadedText) -> Extraction:
    """Run every step on one Document and return the result the last steps built."""
    doc = Document(loaded)
    for _name, step in STEPS:
        step(doc)
    assert doc.extraction is not None
    return doc.extraction
