"""Exports for the index team and evidence lists for municipalities."""
