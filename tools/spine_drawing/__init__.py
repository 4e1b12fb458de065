"""The source of assets/spine.svg, the spine explorer's drawing: an original side view of the
whole spine, front of the body to the left, inside the outline of the head, shoulder and trunk.

It draws C1 to the coccyx as a chain of vertebral bodies and discs whose wedge angles make the
neck, chest and low-back curves; each vertebra's pedicle, articular processes and spinous process;
the discs and facet joints; the sacrum, sacroiliac joint and hip bone; the spinal cord ending at
the L1-L2 disc with the cauda equina below it; the nerve roots leaving behind the discs; the back
muscles. Every tappable part has the id the kiosk looks for (the list is in the SVG's header).

Run from the project's root folder, then look at the spine screen (`kiosk screenshot spine`):

    python -m tools.spine_drawing --out assets/spine.svg

assets/spine.svg is this package's output: do not edit it by hand, change the code here and
run it again. tests/unit/test_spine_source.py fails while the two disagree.
"""
