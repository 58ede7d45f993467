"""Generators of hostile inputs for the reliability tests (nothing big is committed)."""
