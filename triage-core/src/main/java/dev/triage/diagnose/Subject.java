package dev.triage.diagnose;

/**
 * What a finding is about, typed, so that a remedy acts on a column or a layer by what it is rather
 * than by the text a report shows ({@link Finding#where()}, which is derived from it: {@link #where()}).
 * A {@link Place} is described only: nothing acts on it.
 */
public sealed interface Subject {
    /** The whole run (no particular place). */
    Subject NONE = new Run();

    /** The text reports show for this place ({@code where} in the JSON report); null for the whole run. */
    String where();

    /** A feature column of the data, by its name in the file. */
    static Subject column(String name) {
        return name == null ? NONE : new Column(name);
    }

    /** A hidden or output layer: its index (0-based) and how reports name it. */
    static Subject layer(int index, String shownAs) {
        return new Layer(index, shownAs);
    }

    /** A place described only (a loss call, a list of columns shown in part). */
    static Subject place(String shownAs) {
        return shownAs == null ? NONE : new Place(shownAs);
    }

    /** The whole run. */
    record Run() implements Subject {
        @Override
        public String where() {
            return null;
        }
    }

    /** A feature column of the data; {@code split} names the part of the data meant, or is null for all of it. */
    record Column(String name, String split) implements Subject {
        public Column {
            java.util.Objects.requireNonNull(name, "name");
        }

        public Column(String name) {
            this(name, null);
        }

        @Override
        public String where() {
            return split == null ? name : name + " (" + split + ")";
        }
    }

    /** The target column. */
    record Target(String name) implements Subject {
        @Override
        public String where() {
            return name;
        }
    }

    /** One class of the target. */
    record TargetClass(String label) implements Subject {
        @Override
        public String where() {
            return "class '" + label + "'";
        }
    }

    /** A layer of the network: its index (0-based, as in the run log) and how reports name it. */
    record Layer(int index, String shownAs) implements Subject {
        @Override
        public String where() {
            return shownAs;
        }
    }

    /** A place that is only described. */
    record Place(String shownAs) implements Subject {
        @Override
        public String where() {
            return shownAs;
        }
    }
}
