"""The crawler: find each municipality's home-care pages and capture them as evidence."""
