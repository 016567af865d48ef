"""Synthetic content for the benchmark, in the shapes the site's models expect."""


def grow(scale):
    """Filled in per app once the content model is complete; see bench/README."""
    raise NotImplementedError("bench data generators land with the working-group, member and resource models")
