package dev.wavecraft.devserver.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The latest samples come back in order, across the ring's end, per channel; none before enough were written. */
class SampleHistoryTest {

    private static final int BLOCK = 100;

    @Test
    void givesTheLatestFramesInOrderAcrossTheEndOfTheRing() {
        SampleHistory history = new SampleHistory(256, BLOCK);
        float[][] into = new float[2][256];
        assertThat(history.copyLatest(into, 256)).isEqualTo(SampleHistory.NOT_ENOUGH);

        int written = 0;
        // Far beyond the ring's capacity (256 + 4096), so the copies cross its end many times.
        for (int block = 0; block < 200; block++) {
            history.write(ramp(written), BLOCK, 1000 + block);
            written += BLOCK;
            if (written >= 256) {
                assertThat(history.copyLatest(into, 256)).isEqualTo(1000 + block);
                for (int i = 0; i < 256; i++) {
                    float expected = written - 256 + i;
                    assertThat(into[0][i]).as("left frame %d after %d", i, written).isEqualTo(expected);
                    assertThat(into[1][i]).as("right frame %d after %d", i, written).isEqualTo(-expected);
                }
            }
        }
    }

    @Test
    void copiesAMonoBlockToBothChannelsAndRefusesMoreFramesThanItKeeps() {
        SampleHistory history = new SampleHistory(256, BLOCK);
        float[][] mono = {ramp(0)[0]};
        history.write(mono, BLOCK, 1);
        float[][] into = new float[2][BLOCK];

        history.copyLatest(into, BLOCK);

        assertThat(into[1]).isEqualTo(into[0]).isEqualTo(mono[0]);
        assertThatThrownBy(() -> history.copyLatest(new float[2][512], 512))
                .hasMessage("This history keeps 256 frames, not 512");
    }

    @Test
    void countsOnlyTheFramesWrittenSinceTheFrameItIsGiven() {
        SampleHistory history = new SampleHistory(256, BLOCK);
        history.write(ramp(0), BLOCK, 1);
        long since = history.written();
        float[][] into = new float[2][256];
        history.write(ramp(BLOCK), BLOCK, 2);
        history.write(ramp(2 * BLOCK), BLOCK, 3);

        assertThat(history.copyLatest(into, 256)).as("300 frames in all").isEqualTo(3);
        assertThat(history.copyLatest(into, 256, since)).as("200 since").isEqualTo(SampleHistory.NOT_ENOUGH);

        history.write(ramp(3 * BLOCK), BLOCK, 4);

        assertThat(history.copyLatest(into, 256, since)).isEqualTo(4);
        assertThat(into[0][0]).isEqualTo(4 * BLOCK - 256);
    }

    /** A block whose left frame n holds n and right frame -n, counted from {@code start}. */
    private static float[][] ramp(int start) {
        float[][] block = new float[2][BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            block[0][i] = start + i;
            block[1][i] = -(start + i);
        }
        return block;
    }
}
