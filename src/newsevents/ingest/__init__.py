"""Reading input: files, folders, standard input and web archives become ``Article``s or
``InputError``s.

- ``articles``: articles from text, HTML and JSON Lines records; boilerplate removal; checks;
- ``paths``: which files to read and by which reader (``read_paths``);
- ``csvfile``: CSV rows with a named text column (``read_csv``);
- ``parquet``: Parquet rows with the columns of a JSON Lines record (``read_parquet``);
- ``warc``: the HTML pages of a WARC file (``read_warc``).

Each reader is usable on its own, and ``read_paths`` uses the same ones, so that an article
reads the same whichever way it comes in.
"""

from newsevents.ingest.articles import (
    MAX_HTML_BYTES,
    MAX_TEXT_BYTES,
    Dating,
    article_from_html,
    article_from_text,
    boilerplate_patterns,
    clean_lines,
    date_in_name,
    is_boilerplate,
    json_error,
    language_of,
    publication_date,
    unicode_problem,
    validate,
)
from newsevents.ingest.csvfile import CsvColumns, read_csv
from newsevents.ingest.parquet import read_parquet
from newsevents.ingest.paths import (
    STDIN_ID,
    SUFFIXES,
    InputFile,
    OnSkip,
    count_inputs,
    input_files,
    read_file,
    read_paths,
)
from newsevents.ingest.warc import read_warc

__all__ = [
    "MAX_HTML_BYTES",
    "MAX_TEXT_BYTES",
    "STDIN_ID",
    "SUFFIXES",
    "CsvColumns",
    "Dating",
    "InputFile",
    "OnSkip",
    "article_from_html",
    "article_from_text",
    "boilerplate_patterns",
    "clean_lines",
    "count_inputs",
    "date_in_name",
    "input_files",
    "is_boilerplate",
    "json_error",
    "language_of",
    "publication_date",
    "read_csv",
    "read_file",
    "read_parquet",
    "read_paths",
    "read_warc",
    "unicode_problem",
    "validate",
]
