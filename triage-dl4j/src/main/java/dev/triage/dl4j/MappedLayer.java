package dev.triage.dl4j;

import dev.triage.probe.log.LayerFacts;

/**
 * One dense layer as the listener follows it.
 *
 * @param facts           what the rules judge
 * @param prefix          its parameter prefix in DL4J's parameter and gradient tables: {@code "0"} for
 *                        {@code "0_W"} in a MultiLayerNetwork, the vertex name in a graph
 * @param activationIndex where its output is in the list {@code onForwardPass} receives; -1 when not passed
 * @param activationKey   where its output is in the map {@code onForwardPass} receives; null when not passed
 * @param dl4jType        its DL4J class name
 */
record MappedLayer(LayerFacts facts, String prefix, int activationIndex, String activationKey, String dl4jType) {
    String weightKey() {
        return prefix + "_W";
    }

    String biasKey() {
        return prefix + "_b";
    }
}
