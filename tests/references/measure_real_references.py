"""How many of the real references parse fully, partly or not at all, per format.

Not a test (it asserts nothing): a measurement for issue notes. Run from the project root:

    .venv/bin/python tests/references/measure_real_references.py [PARSER_FILE]

PARSER_FILE is an older, self-contained ``parsing.py`` to measure instead of today's
package (e.g. ``git show <commit>:references/parsing.py > /tmp/old_parsing.py``).

Each "# heading" of ``real_references.txt`` is a format; each reference in it is parsed on
its own; an entry of the BibTeX section that has ``@string`` blocks is pasted with them,
and whatever else the parser makes of those blocks is counted as junk. "full" is the
parser's own verdict (title, source, year and authors, no notes)
and, on top, every DOI, PMID and PMCID the text states was kept and no BibTeX macro name
was left as the journal. A bare identifier can at
best be "partly" read. The whole file is also parsed as one paste, to count the split.
"""

import importlib.util
import re
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOI = re.compile(r"10\.\d{4,9}/[^\s,;{}]+[^\s,;.{}]")
PMID = re.compile(r"(?:PMID:?\s*|pubmed\.ncbi\.nlm\.nih\.gov/|^AN  - )(\d{1,9})", re.M)
PMCID = re.compile(r"\b(PMC\d+)\b")


def load_parser(path=None):
    if path is None:
        sys.path.insert(0, str(HERE.parent.parent))
        from references import parsing

        return parsing
    spec = importlib.util.spec_from_file_location("parsing_under_test", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def bibtex_strings():
    """The file's ``@string`` blocks: pasted before each BibTeX entry, as a .bib file has them."""
    text = (HERE / "real_references.txt").read_text(encoding="utf-8")
    return re.findall(r"^@string\{[^\n]*\}$", text, re.M | re.I)


def formats_by_heading():
    """Map each reference to the heading above it."""
    result, heading, block = [], "seed list (PubMed cite and AMA)", []
    lines = (HERE / "real_references.txt").read_text(encoding="utf-8").splitlines()
    started = False
    for line in [*lines, ""]:
        if line.startswith("# References:"):
            started = True
            continue
        if line.startswith("# ") and started and not line.startswith("# References"):
            heading = line[2:].strip()
            continue
        if line.startswith("#"):
            continue
        if line.strip():
            block.append(line)
            continue
        if block:
            text = "\n".join(block)
            if not re.match(r"@(comment|string|preamble)\b", text, re.I):
                result.append((heading, text))
            block = []
    return result


def identifiers_kept(text, reference):
    stated = {doi.lower() for doi in DOI.findall(text)}
    stated |= set(PMID.findall(text)) | set(PMCID.findall(text))
    kept = {(reference.doi or "").lower(), reference.pmid or "", reference.pmcid or ""}
    return stated <= kept


def verdict(text, reference):
    macros = {re.match(r"@string\{(\w+)", block, re.I).group(1) for block in bibtex_strings()}
    macro_left = reference.container_title in macros  # e.g. "bmj" instead of "BMJ"
    if reference.status == "full" and identifiers_kept(text, reference) and not macro_left:
        return "full"
    return "unparsed" if reference.status == "unparsed" else "partly"


def main():
    paths = [arg for arg in sys.argv[1:] if arg != "-v"]
    parser = load_parser(paths[0] if paths else None)
    references = formats_by_heading()
    table = {}
    lost = []
    strings = "\n".join(bibtex_strings())
    junk = 0
    for heading, text in references:
        pasted = f"{strings}\n{text}" if "@string" in heading else text
        parsed = parser.parse_references(pasted)
        if pasted != text:
            junk += len(parsed) - 1
            parsed = [reference for reference in parsed if reference.original.strip() == text]
        if len(parsed) != 1:
            lost.append((heading, len(parsed), text[:60]))
            outcome = "unparsed" if not parsed else "split wrongly"
        else:
            outcome = verdict(text, parsed[0])
            if "-v" in sys.argv:
                print(outcome, parsed[0].format, parsed[0].problems, text[:70])
        table.setdefault(heading, Counter())[outcome] += 1
    width = max(len(heading) for heading in table)
    print(f"{'format':<{width}}  total  full  partly  not at all  split wrongly")
    totals = Counter()
    for heading, counts in table.items():
        totals.update(counts)
        print(
            f"{heading:<{width}}  {sum(counts.values()):>5}  {counts['full']:>4}  "
            f"{counts['partly']:>6}  {counts['unparsed']:>10}  {counts['split wrongly']:>12}"
        )
    print(
        f"{'all':<{width}}  {sum(totals.values()):>5}  {totals['full']:>4}  "
        f"{totals['partly']:>6}  {totals['unparsed']:>10}  {totals['split wrongly']:>12}"
    )
    print(f"junk references made from @string/@comment blocks: {junk}")
    lines = (HERE / "real_references.txt").read_text(encoding="utf-8").splitlines()
    whole = "\n".join(line for line in lines if not line.startswith("#"))
    print(
        f"whole file as one paste (with its @comment and @string): "
        f"{len(parser.parse_references(whole))} references for {len(references)} in it"
    )
    one_per_line = "\n".join(
        " ".join(text.split())
        for heading, text in references
        if not text.startswith(("@", "TY  -"))
    )
    count = sum(1 for heading, text in references if not text.startswith(("@", "TY  -")))
    started = time.perf_counter()
    print(
        f"plain-text ones on consecutive lines, no blank lines: "
        f"{len(parser.parse_references(one_per_line))} references for {count} pasted "
        f"({time.perf_counter() - started:.2f} s)"
    )
    for item in lost:
        print("  not one reference:", item)


if __name__ == "__main__":
    main()
