"""webaudit: review of Swedish municipal home-care web pages for Hemtjänstindex.

Data flow: registry + checklist -> crawl (captures) -> match (findings) -> review (decisions)
-> score -> export. Each stage reads and writes the store and the evidence folder.
"""

__version__ = "0.1.0"
