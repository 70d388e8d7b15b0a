/** Sums n running totals, e.g. correct predictions and examples seen. A JShell snippet file: no package line. */
class Accumulator {
    float[] data;

    Accumulator(int n) {
        data = new float[n];
    }

    void add(float[] values) {
        for (int i = 0; i < values.length; i++) {
            data[i] += values[i];
        }
    }

    float get(int index) {
        return data[index];
    }
}
