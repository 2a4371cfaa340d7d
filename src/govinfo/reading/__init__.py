"""The reading path: front ends → neutral document → interpreter → model."""
