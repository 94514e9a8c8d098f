"""Outputs in the formats of other event datasets (POLECAT), beside our own in ``formats``."""
