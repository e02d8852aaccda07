# problems.mk: problem data generated at build time (included by the Makefile).
#
# A problem folder may hold gen.list: one line per generated test,
# "NAME SEED SIZE [ARG...]" ("NAME ARG..." for a testlib generator: gen.cpp,
# or a gen.c including the folder's testlib.h). `make` builds the problem's
# generator and its reference solution (the first accepted solution in sorted order) on the
# host and writes tests/NAME.in (gen SEED SIZE ARG...) and tests/NAME.ans
# (the reference's output). Generated names contain "-gen-" and are not
# committed. Rebuilt only when gen.list, gen.c or the reference changes.

.SECONDEXPANSION:
GEN_LISTS  := $(wildcard problems/*/gen.list)
GEN_STAMPS := $(GEN_LISTS:problems/%/gen.list=build/problems/%.stamp)

problems-data:: $(GEN_STAMPS)

build/problems/%.stamp: problems/%/gen.list $$(wildcard problems/%/gen.c problems/%/gen.cpp problems/%/*.h) \
		$$(wildcard problems/%/interactor.c) \
		$$(firstword $$(sort $$(wildcard solutions/%/accepted/*.c))) problems/generate.sh
	@sh problems/generate.sh $*
	@mkdir -p $(@D) && touch $@
