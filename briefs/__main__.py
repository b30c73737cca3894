from briefs.launch import main

main()
