"""Search: an exact substring index of the built pages, in static files that a browser loads
from a web server or straight from disk (file://), with no server and no network.

Chinese is written without spaces, and a segmenter that cuts words one way when indexing and
another way when querying loses matches (营商环境 was found on half of its pages). So nothing
is segmented. The index holds every pair of adjacent characters (a bigram) with its positions
on each page; a query of any length is found by checking that its pairs sit next to each other.
The pages listed are exactly the pages whose text contains the query: no more, no fewer.

    text.py   a built page's HTML → its text blocks (with the anchor each sits under)
    index.py  pages → the index files under site/search-index/ (see index.py for the format)

The reader's side is docs/assets/search.js; the search page is written by the generator.
"""

from generator.search.index import SearchIndex, bucket_of, fold
from generator.search.text import page_blocks

# the last build's index: bytes, seconds (reading pages and writing), pages (for the CLI)
LAST: dict = {}
# the index the hooks are filling during a build (pages built on other processes send theirs here)
BUILDING: SearchIndex | None = None

__all__ = ["BUILDING", "LAST", "SearchIndex", "bucket_of", "fold", "page_blocks"]
