package dev.wavecraft.devserver.audio;

/** Discards the audio; the engine paces itself by its clock so blocks still come in real time. */
public final class SilentSink implements AudioSink {

    @Override
    public boolean write(float[][] channels, int frames) {
        return true;
    }

    @Override
    public boolean pacesItself() {
        return false;
    }

    @Override
    public String description() {
        return "silent output";
    }

    @Override
    public void close() {
    }
}
