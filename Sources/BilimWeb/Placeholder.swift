enum _PlaceholderBilimWeb {}
