"""Grows the demo database to N× (1 leaves the demo content as it is).

10× means about 50 groups, 500 projects and achievements, 2,000 resources and
5,000 members. Each app's generator runs only when that app is installed.
"""

import sys

import django


def main(scale):
    django.setup()
    if scale <= 1:
        return
    from bench import generators

    generators.grow(scale)


if __name__ == "__main__":
    main(int(sys.argv[1]))
