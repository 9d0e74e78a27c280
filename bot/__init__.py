"""ClearPost core: knows no chat platform and no concrete check."""
