"""USMCA Scenario Planner."""

__version__ = "0.1.0"
MODEL_VERSION = "2024.1"
