package dev.solo.cgi.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The little of Linux's {@code /proc} that finds what a script left behind: each process's group, state and start
 * time ({@code /proc/PID/stat}, proc(5)) and where its standard output and error go ({@code /proc/PID/fd/1} and
 * {@code 2}).
 * Reads of {@code /proc} are answered from kernel memory, never from a disk, so they are safe on the loop. Every
 * method answers "nothing" for a process that is gone or not ours to look at, and for a system without {@code /proc}.
 */
final class ProcTable {

    private static final Path PROC = Path.of("/proc");

    /**
     * One process's line of {@code /proc/PID/stat}, the fields used here.
     *
     * @param pid the process id
     * @param state the state letter ({@code Z}: exited, not reaped)
     * @param group the process group id
     * @param startTicks when it started, in clock ticks since boot
     */
    record Stat(long pid, char state, long group, long startTicks) {
    }

    private ProcTable() {
    }

    /** @return true when this system has a {@code /proc} to read */
    static boolean available() {
        return Files.isReadable(PROC.resolve("self/stat"));
    }

    /** @return every process id in {@code /proc}, or none when it cannot be listed */
    static List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!name.isEmpty() && Character.isDigit(name.charAt(0))) {
                    try {
                        pids.add(Long.parseLong(name));
                    } catch (NumberFormatException e) {
                        // Not a process directory after all.
                    }
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return pids;
    }

    /**
     * @param pid a process id
     * @return its stat line, or null when the process is gone
     */
    static Stat stat(long pid) {
        String line;
        try {
            line = new String(Files.readAllBytes(PROC.resolve(Long.toString(pid)).resolve("stat")),
                    StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return null;
        }
        return parse(pid, line);
    }

    /**
     * Reads the fields of a stat line. The command name (field 2) is in parentheses and may hold spaces and
     * parentheses itself, so fields are counted from the last {@code )}.
     *
     * @param pid the process id
     * @param line the content of {@code /proc/PID/stat}
     * @return the fields, or null when the line does not have them
     */
    static Stat parse(long pid, String line) {
        int close = line.lastIndexOf(')');
        if (close < 0 || close + 2 >= line.length()) {
            return null;
        }
        // After ") ": state (field 3), ppid, pgrp (5), session, ... starttime (22).
        String[] fields = line.substring(close + 2).trim().split(" ");
        if (fields.length < 20 || fields[0].isEmpty()) {
            return null;
        }
        try {
            return new Stat(pid, fields[0].charAt(0), Long.parseLong(fields[2]), Long.parseLong(fields[19]));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * @param pid a process id
     * @param fd a descriptor number
     * @return what the descriptor refers to, such as {@code pipe:[4711]}, or null when unknown
     */
    static String descriptor(long pid, int fd) {
        try {
            return Files.readSymbolicLink(PROC.resolve(Long.toString(pid)).resolve("fd").resolve(Integer.toString(fd)))
                    .toString();
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    /**
     * @param pid a process id
     * @return true when {@code /proc} has the process, a zombie included
     */
    static boolean exists(long pid) {
        return Files.exists(PROC.resolve(Long.toString(pid)));
    }
}
