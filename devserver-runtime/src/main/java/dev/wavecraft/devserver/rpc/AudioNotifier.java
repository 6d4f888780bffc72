package dev.wavecraft.devserver.rpc;

import dev.wavecraft.devserver.audio.AudioEvents;
import dev.wavecraft.devserver.audio.AudioStatus;
import dev.wavecraft.devserver.audio.MeterFrame;
import dev.wavecraft.protocol.options.InputSpec;

/** Tells the browsers about the audio: audioStatusChanged, meterFrame and inputSourceChanged. */
public final class AudioNotifier implements AudioEvents {

    private final Broadcaster clients;

    public AudioNotifier(Broadcaster clients) {
        this.clients = clients;
    }

    @Override
    public void statusChanged(AudioStatus status) {
        clients.broadcast(RpcMessages.notification(RpcNames.AUDIO_STATUS_CHANGED, AudioJson.status(status)), null);
    }

    @Override
    public void meterFrame(MeterFrame frame) {
        clients.broadcast(RpcMessages.notification(RpcNames.METER_FRAME, AudioJson.meterFrame(frame)), null);
    }

    @Override
    public void inputSourceChanged(InputSpec input, Object origin) {
        clients.broadcast(RpcMessages.notification(RpcNames.INPUT_SOURCE_CHANGED, AudioJson.inputSource(input)),
                origin);
    }
}
