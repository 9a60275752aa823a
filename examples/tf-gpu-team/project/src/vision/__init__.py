"""Defect detection: training and evaluation entry points."""
