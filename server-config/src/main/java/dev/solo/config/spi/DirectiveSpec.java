package dev.solo.config.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The declaration of one directive: where it may appear, how many arguments it takes, whether it
 * may repeat, whether it opens a block, and checks for its arguments. Immutable.
 *
 * <pre>{@code
 * DirectiveSpec server = DirectiveSpec.create("server", b -> b.contexts("main").repeatable(true)
 *         .blockContext("server"));
 * DirectiveSpec listen = DirectiveSpec.create("listen", b -> b.contexts("server").args(1, 2)
 *         .repeatable(true).check(ArgumentChecks.integer(0, 1, 65535)));
 * }</pre>
 *
 * <p>Contexts are plain strings: {@value #MAIN_CONTEXT} is the top level of a file, and every block
 * directive names the context its children live in with {@link Builder#blockContext(String)}.
 */
public final class DirectiveSpec {

    /** The name of the top-level context of a configuration file. */
    public static final String MAIN_CONTEXT = "main";

    /** The value of {@link #maxArgs()} for a directive without an upper bound. */
    public static final int UNBOUNDED = Integer.MAX_VALUE;

    private final String name;
    private final Set<String> contexts;
    private final boolean anyContext;
    private final int minArgs;
    private final int maxArgs;
    private final boolean repeatable;
    private final String blockContext;
    private final List<ArgumentCheck> checks;

    private DirectiveSpec(Builder b) {
        this.name = b.name;
        this.contexts = Collections.unmodifiableSet(new LinkedHashSet<>(b.contexts));
        this.anyContext = b.anyContext;
        this.minArgs = b.minArgs;
        this.maxArgs = b.maxArgs;
        this.repeatable = b.repeatable;
        this.blockContext = b.blockContext;
        this.checks = List.copyOf(b.checks);
    }

    /**
     * Starts a builder.
     *
     * @param name the directive name, as written in configuration files
     * @return a builder with no contexts, no arguments, not repeatable, not a block
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * Builds a spec in one expression.
     *
     * @param name the directive name
     * @param configurer sets up the builder
     * @return the spec
     * @throws IllegalStateException if the configured spec is inconsistent (see {@link Builder#build()})
     */
    public static DirectiveSpec create(String name, Consumer<Builder> configurer) {
        Builder builder = builder(name);
        configurer.accept(builder);
        return builder.build();
    }

    /**
     * The directive name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The contexts the directive may appear in, in declaration order.
     *
     * @return an unmodifiable set; empty if {@link #anyContext()}
     */
    public Set<String> contexts() {
        return contexts;
    }

    /**
     * Tells whether the directive may appear in every context.
     *
     * @return true if declared with {@link Builder#anyContext()}
     */
    public boolean anyContext() {
        return anyContext;
    }

    /**
     * Tells whether the directive may appear in a context.
     *
     * @param context a context name, such as {@value #MAIN_CONTEXT} or {@code server}
     * @return true if allowed there
     */
    public boolean allowedIn(String context) {
        return anyContext || contexts.contains(context);
    }

    /**
     * The least number of arguments.
     *
     * @return at least 0
     */
    public int minArgs() {
        return minArgs;
    }

    /**
     * The greatest number of arguments.
     *
     * @return at least {@link #minArgs()}, or {@link #UNBOUNDED}
     */
    public int maxArgs() {
        return maxArgs;
    }

    /**
     * Tells whether the directive may appear more than once in the same block.
     *
     * @return true if repeatable
     */
    public boolean repeatable() {
        return repeatable;
    }

    /**
     * The context that this directive's block opens.
     *
     * @return the context of the children, or {@code null} for a simple directive
     */
    public String blockContext() {
        return blockContext;
    }

    /**
     * Tells whether the directive must be written as a block.
     *
     * @return true if {@link #blockContext()} is not null
     */
    public boolean isBlock() {
        return blockContext != null;
    }

    /**
     * The argument checks, run in order once the argument count is right.
     *
     * @return an unmodifiable list
     */
    public List<ArgumentCheck> checks() {
        return checks;
    }

    /**
     * A summary for debugging.
     *
     * @return name, contexts, argument bounds and block context
     */
    @Override
    public String toString() {
        return "DirectiveSpec[" + name + " in " + (anyContext ? "any context" : contexts)
                + ", args " + minArgs + ".." + (maxArgs == UNBOUNDED ? "*" : String.valueOf(maxArgs))
                + (repeatable ? ", repeatable" : "")
                + (blockContext == null ? "" : ", block " + blockContext) + "]";
    }

    /** Collects the parts of a {@link DirectiveSpec}. Not thread-safe; use once. */
    public static final class Builder {

        private final String name;
        private final Set<String> contexts = new LinkedHashSet<>();
        private boolean anyContext;
        private int minArgs;
        private int maxArgs;
        private boolean repeatable;
        private String blockContext;
        private final List<ArgumentCheck> checks = new ArrayList<>();

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /**
         * Adds contexts the directive may appear in.
         *
         * @param names context names, such as {@value #MAIN_CONTEXT}, {@code server}, {@code location}
         * @return this builder
         */
        public Builder contexts(String... names) {
            for (String context : names) {
                contexts.add(Objects.requireNonNull(context, "context"));
            }
            return this;
        }

        /**
         * Lets the directive appear in every context.
         *
         * @return this builder
         */
        public Builder anyContext() {
            anyContext = true;
            return this;
        }

        /**
         * Sets an exact number of arguments.
         *
         * @param count the number of arguments
         * @return this builder
         */
        public Builder args(int count) {
            return args(count, count);
        }

        /**
         * Sets the bounds of the number of arguments.
         *
         * @param min the least number of arguments
         * @param max the greatest number, or {@link #UNBOUNDED}
         * @return this builder
         */
        public Builder args(int min, int max) {
            minArgs = min;
            maxArgs = max;
            return this;
        }

        /**
         * Sets a least number of arguments, with no upper bound.
         *
         * @param min the least number of arguments
         * @return this builder
         */
        public Builder argsAtLeast(int min) {
            return args(min, UNBOUNDED);
        }

        /**
         * Sets whether the directive may appear more than once in the same block.
         *
         * @param value true if repeatable
         * @return this builder
         */
        public Builder repeatable(boolean value) {
            repeatable = value;
            return this;
        }

        /**
         * Makes the directive a block whose children are validated in a context.
         *
         * @param context the context the block opens, often the directive's own name
         * @return this builder
         */
        public Builder blockContext(String context) {
            blockContext = Objects.requireNonNull(context, "context");
            return this;
        }

        /**
         * Adds argument checks.
         *
         * @param argumentChecks checks run in order on each occurrence
         * @return this builder
         */
        public Builder check(ArgumentCheck... argumentChecks) {
            for (ArgumentCheck check : argumentChecks) {
                checks.add(Objects.requireNonNull(check, "check"));
            }
            return this;
        }

        /**
         * Builds the spec.
         *
         * @return the immutable spec
         * @throws IllegalStateException if the name is empty or holds whitespace, quotes or
         *         {@code ; { } #}; if no context was given and {@link #anyContext()} was not called;
         *         if the argument bounds are negative or reversed; or if a context name is empty
         */
        public DirectiveSpec build() {
            if (name.isEmpty() || !name.chars().allMatch(Builder::isNameChar)) {
                throw new IllegalStateException("invalid directive name '" + name + "'");
            }
            if (contexts.isEmpty() && !anyContext) {
                throw new IllegalStateException("directive '" + name + "' declares no context");
            }
            if (contexts.contains("") || "".equals(blockContext)) {
                throw new IllegalStateException("directive '" + name + "' uses an empty context name");
            }
            if (minArgs < 0 || maxArgs < minArgs) {
                throw new IllegalStateException("directive '" + name + "' has invalid argument bounds "
                        + minArgs + ".." + maxArgs);
            }
            return new DirectiveSpec(this);
        }

        private static boolean isNameChar(int c) {
            return c > ' ' && c != 0x7f && "\"';{}#".indexOf(c) < 0 && !Character.isWhitespace(c);
        }
    }
}
