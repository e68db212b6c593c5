"""Workshop mode: the training airport, exercise packages, team files, comparison, debrief.

A trainer holds an *answer key* (an .avsec file in mode ``answer_key`` with the reference
status and a one-line rationale per item). :mod:`avsec.workshop.pack` turns it into an
*exercise* with no reference answer in it, :mod:`avsec.workshop.teams` copies the exercise
once per team, and :mod:`avsec.workshop.compare` scores the returned team files against the
key and against each other; :mod:`avsec.workshop.debrief` prints the result as a PDF.
"""
