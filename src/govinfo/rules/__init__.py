"""Invariants as data, the checks that apply them, and inference from them."""
