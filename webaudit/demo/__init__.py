"""The embedded demo: bundled sample municipal sites, served on 127.0.0.1 and audited end to end."""
