"""tenderwatch: find export-controlled US AI compute in procurement notices."""

__version__ = "0.1.0"
