#!/usr/bin/env perl
# Reads data.txt by a relative path: the server runs scripts in their own directory.
use strict;
use warnings;

sub escape {
    my ($text) = @_;
    $text =~ s/&/&amp;/g;
    $text =~ s/</&lt;/g;
    $text =~ s/>/&gt;/g;
    return $text;
}

open(my $in, '<', 'data.txt') or do {
    print "Status: 500 Internal Server Error\nContent-Type: text/plain\n\ncannot read data.txt: $!\n";
    exit 0;
};
my $data = do { local $/; <$in> };
close($in);

print "Content-Type: text/html; charset=utf-8\n\n";
print "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>data.txt</title></head>\n";
print "<body style=\"font-family:sans-serif;margin:2em\">\n<h1>data.txt</h1>\n<pre>", escape($data), "</pre>\n";
print "</body></html>\n";
