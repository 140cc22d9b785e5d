"""Qt-side adapters with small interfaces: the clock that drives the player, audio, speech, settings."""
