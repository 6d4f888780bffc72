package dev.wavecraft.devserver.rpc;

/** Every method and notification name of the browser protocol, in one place. */
public final class RpcNames {

    public static final String GET_ALL_PARAMETERS = "getAllParameters";
    public static final String GET_PARAMETER = "getParameter";
    public static final String SET_PARAMETER = "setParameter";
    public static final String PING = "ping";
    public static final String REQUEST_RESIZE = "requestResize";

    public static final String GET_RELOAD_STATUS = "getReloadStatus";
    public static final String GET_RELOAD_HISTORY = "getReloadHistory";
    public static final String TRIGGER_RELOAD = "triggerReload";
    public static final String SET_AUTO_RELOAD = "setAutoReload";
    public static final String ROLLBACK = "rollback";

    public static final String GET_METER_FRAME = "getMeterFrame";
    public static final String GET_OSCILLOSCOPE_FRAME = "getOscilloscopeFrame";
    public static final String GET_AUDIO_STATUS = "getAudioStatus";
    /** Ours, like the hot-reload names: Wavecraft's client does not call it. */
    public static final String GET_INPUT_SOURCE = "getInputSource";
    /** Ours. */
    public static final String SET_INPUT_SOURCE = "setInputSource";

    /** Workbench (ours): A/B compare between generations. */
    public static final String GET_COMPARE = "getCompare";
    public static final String SET_COMPARE = "setCompare";

    /** Workbench (ours): the spectrum of what is heard. */
    public static final String GET_SPECTRUM_FRAME = "getSpectrumFrame";

    /** Workbench (ours): named presets. */
    public static final String LIST_PRESETS = "listPresets";
    public static final String SAVE_PRESET = "savePreset";
    public static final String LOAD_PRESET = "loadPreset";
    public static final String DELETE_PRESET = "deletePreset";

    /** Ours: the stages of the live processor (a signal chain's, or the processor as one stage). */
    public static final String GET_CHAIN = "getChain";
    /** Notes (ours): live note events for the processor, from an on-screen keyboard or Web MIDI. */
    public static final String NOTE_ON = "noteOn";
    public static final String NOTE_OFF = "noteOff";
    public static final String MIDI_MESSAGE = "midiMessage";

    public static final String PARAMETER_CHANGED = "parameterChanged";
    public static final String PARAMETERS_CHANGED = "parametersChanged";
    public static final String BUILD_STARTED = "buildStarted";
    public static final String BUILD_FAILED = "buildFailed";
    public static final String RELOAD_FAILED = "reloadFailed";
    public static final String RELOAD_COMPLETED = "reloadCompleted";
    public static final String UI_CHANGED = "uiChanged";
    public static final String AUDIO_STATUS_CHANGED = "audioStatusChanged";
    public static final String METER_FRAME = "meterFrame";
    /** Ours. */
    public static final String INPUT_SOURCE_CHANGED = "inputSourceChanged";
    /** Workbench (ours). */
    public static final String COMPARE_CHANGED = "compareChanged";
    /** Ours: sent to each browser as it connects, when the server started from the last run's session. */
    public static final String SESSION_RESTORED = "sessionRestored";

    private RpcNames() {
    }
}
