"""Benchmarks (not tests): data generators, API latency, load and console timings."""
