enum _PlaceholderBilimTestSupport {}
