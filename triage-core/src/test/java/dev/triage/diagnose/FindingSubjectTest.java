package dev.triage.diagnose;

import static dev.triage.diagnose.Logs.data;
import static dev.triage.diagnose.Logs.fill;
import static dev.triage.diagnose.Logs.numeric;
import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.diagnose.data.ClassImbalanceRule;
import dev.triage.diagnose.data.HighCardinalityRule;
import dev.triage.diagnose.data.NonFiniteDataRule;
import dev.triage.diagnose.data.TargetLeakRule;
import dev.triage.diagnose.dynamics.DeadReluRule;
import dev.triage.probe.log.ColumnProfile;
import dev.triage.probe.log.DataSignals;
import dev.triage.probe.log.DuplicateRows;
import dev.triage.probe.log.FeatureAssociation;
import dev.triage.probe.log.RunLog;
import dev.triage.probe.log.SplitClasses;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Findings say what they are about as a typed subject — the column by its name in the file, the layer
 * by its index — and show it as {@code where}, unchanged; remedies act on the subject, never on the text.
 */
class FindingSubjectTest {
    private static RunLog with(DataSignals d) {
        RunLog log = Logs.log(new Logs.Setup());
        log.setData(d);
        return log;
    }

    @Test
    void aColumnIsNamedAsInTheFileNotAsTheMessageCountsIt() {
        ColumnProfile rooms = Logs.withMissing(numeric("rooms (m2)", 1, 5, 9, 2, 1), 207);
        Finding one = new NonFiniteDataRule().check(with(data(List.of(rooms, numeric("age", 1, 30, 60, 10, 5))))).get(0);
        assertThat(one.subject()).isEqualTo(new Subject.Column("rooms (m2)"));
        assertThat(one.where()).isEqualTo("rooms (m2)");
        ColumnProfile age = Logs.withMissing(numeric("age", 1, 30, 60, 10, 5), 3);
        assertThat(new NonFiniteDataRule().check(with(data(List.of(rooms, age)))).get(0).subject()).isEqualTo(Subject.NONE);
        ColumnProfile target = Logs.withMissing(Logs.target("price", 1, 5, 9), 4);
        assertThat(new NonFiniteDataRule().check(with(data(List.of(target, numeric("age", 1, 30, 60, 10, 5))))).get(0).subject())
                .as("the target is not a feature to drop").isEqualTo(new Subject.Target("price"));
    }

    @Test
    void columnRemediesFindTheirColumn() {
        List<FeatureAssociation> a = List.of(new FeatureAssociation("panel_score", 0.997, 0.994, Double.NaN),
                new FeatureAssociation("alcohol", 0.48, 0.23, Double.NaN));
        DataSignals leak = new DataSignals("d.csv", 1000, 700, 150, 150, false, List.of(), null, new DuplicateRows(1000, 0, 0),
                List.of(), a, List.of(), 0, 0);
        assertThat(new TargetLeakRule().check(with(leak))).singleElement()
                .extracting(Finding::subject).isEqualTo(new Subject.Column("panel_score"));
        ColumnProfile id = new ColumnProfile("customer id", false, false, 1000, 0, 0, 1000, false, null, null, false, false);
        assertThat(new HighCardinalityRule().check(with(data(List.of(id))))).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo(new Subject.Column("customer id"));
            assertThat(f.where()).isEqualTo("customer id");
        });
    }

    @Test
    void layersAndClassesAreTypedToo() {
        Logs.Setup s = new Logs.Setup();
        s.layers = Logs.layers(dev.triage.config.Activation.RELU, dev.triage.config.Init.HE_UNIFORM, 1, 0, 16, 8);
        RunLog log = Logs.log(s);
        log.addProbe(Logs.probe(1, fill(3, 0.1), fill(3, 1), fill(3, 1e-3), new double[] {0.1, 0.95, 0}, fill(3, 0)));
        log.addProbe(Logs.probe(2, fill(3, 0.1), fill(3, 1), fill(3, 1e-3), new double[] {0.1, 0.97, 0}, fill(3, 0)));
        Finding dead = new DeadReluRule().check(log).get(0);
        assertThat(dead.subject()).isInstanceOfSatisfying(Subject.Layer.class, l -> assertThat(l.index()).isEqualTo(1));
        assertThat(dead.where()).isEqualTo(s.layers.get(1).describe());

        SplitClasses c = new SplitClasses(List.of("yes", "no"), new long[] {11, 250}, new long[] {3, 50}, new long[] {3, 50});
        DataSignals d = new DataSignals("d.csv", 1000, 700, 150, 150, false, List.of(), c, new DuplicateRows(1000, 0, 0),
                List.of(), List.of(), List.of(), 0, 0);
        Finding rare = new ClassImbalanceRule().check(with(d)).get(0);
        assertThat(rare.subject()).isEqualTo(new Subject.TargetClass("yes"));
        assertThat(rare.where()).isEqualTo("class 'yes'");
    }

    @Test
    void aFindingKnownOnlyByItsTextNamesNoColumn() {
        Finding f = new Finding("X", "x", Severity.ERROR, Phase.DATA, null, null, "id", "m", Evidence.empty(), List.of());
        assertThat(f.subject()).isEqualTo(new Subject.Place("id"));
        assertThat(f.identity()).isEqualTo("X@id");
        assertThat(new Finding("X", "x", Severity.ERROR, Phase.DATA, null, null, null, "m", Evidence.empty(), List.of())
                .subject()).isEqualTo(Subject.NONE);
        assertThat(new Subject.Column("city", "test").where()).isEqualTo("city (test)");
    }
}
