"""Language analysis: the spaCy model, sentences, tokens, entities, dates.

The model is loaded once per process and shared by every stage; long texts are
parsed in chunks cut at whitespace so that character offsets stay exact.
"""

from peacetalks.nlp.model import MODEL_NAME, load_model, parse, parse_many
from peacetalks.nlp.dates import parse_published

__all__ = ["MODEL_NAME", "load_model", "parse", "parse_many", "parse_published"]
