#!/usr/bin/env perl
# Prints the environment as NAME=VALUE lines. Perl adds no variables of its own (python3 and bash do), so this shows
# exactly what the server passed.
use strict;
use warnings;

print "Content-Type: text/plain; charset=utf-8\n\n";
for my $name (sort keys %ENV) {
    print "$name=$ENV{$name}\n";
}
